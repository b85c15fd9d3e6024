namespace DroneLiquid.FirmwareBridge;

/// <summary>The autopilot firmware on the other end, read from the HEARTBEAT's autopilot field.</summary>
public enum FirmwareKind
{
    Px4,
    ArduPilot,
}
