
namespace DroneLiquid.Mavlink.Connection;

/// <summary>How a parameter operation ended.</summary>
public enum ParameterStatus
{
    /// <summary>Read, or set and confirmed by a PARAM_VALUE with the new value.</summary>
    Ok,

    /// <summary>Set, but the PARAM_VALUE echoed another value: the autopilot refused or clamped it.</summary>
    Rejected,

    /// <summary>No PARAM_VALUE after every attempt (read all: some indices still missing).</summary>
    TimedOut,

    /// <summary>The transport could not send on any attempt.</summary>
    NotSent,
}
