
namespace DroneLiquid.Mavlink.Connection;

/// <summary>How a command ended. A refusal is a result, never an exception.</summary>
public enum CommandStatus
{
    /// <summary>COMMAND_ACK with MAV_RESULT_ACCEPTED.</summary>
    Accepted,

    /// <summary>COMMAND_ACK with another final result (temporarily rejected, denied, unsupported, failed, ...): see <see cref="CommandResult.Result"/>.</summary>
    Rejected,

    /// <summary>No final COMMAND_ACK after every attempt.</summary>
    TimedOut,

    /// <summary>The transport could not send (not connected, no UDP peer yet) on any attempt.</summary>
    NotSent,
}
