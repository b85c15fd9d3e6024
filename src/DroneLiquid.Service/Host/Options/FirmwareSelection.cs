namespace DroneLiquid.Service.Host.Options;

/// <summary>Which autopilot dialogue to speak: read from the HEARTBEAT's autopilot field (Auto), or forced.</summary>
public enum FirmwareSelection
{
    /// <summary>Choose PX4 or ArduPilot from the first autopilot HEARTBEAT.</summary>
    Auto,

    /// <summary>PX4 (Offboard); refuse an autopilot that reports anything else.</summary>
    Px4,

    /// <summary>ArduPilot Copter (GUIDED); refuse an autopilot that reports anything else.</summary>
    ArduPilot,
}
