namespace DroneLiquid.FirmwareBridge;

/// <summary>How the autopilot sent a notice: ArduPilot sends STATUSTEXT, PX4 sends EVENT (and some STATUSTEXT).</summary>
public enum NoticeSource
{
    StatusText,
    Event,
}
