namespace DroneLiquid.Mavlink;

/// <summary>Framing version: MAVLink 1 (start byte 0xFE) or MAVLink 2 (0xFD).</summary>
public enum MavlinkVersion : byte
{
    V1 = 1,
    V2 = 2,
}
