namespace DroneLiquid.FirmwareBridge;

/// <summary>
/// A mode change seen in the HEARTBEAT. <see cref="ByUs"/> is true only when it is the mode this adapter last
/// asked for; anything else is the pilot's (or the autopilot's own failsafe) and ends policy control at once.
/// </summary>
public readonly record struct ModeChange(long Timestamp, ControlMode From, ControlMode To, uint CustomMode, bool ByUs);
