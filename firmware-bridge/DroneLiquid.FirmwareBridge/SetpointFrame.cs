namespace DroneLiquid.FirmwareBridge;

/// <summary>The frame of a velocity setpoint.</summary>
public enum SetpointFrame : byte
{
    /// <summary>Local North-East-Down (MAV_FRAME_LOCAL_NED).</summary>
    LocalNed = 0,

    /// <summary>Forward-Right-Down rotated by the current heading only (MAV_FRAME_BODY_OFFSET_NED for velocities).</summary>
    BodyHeading = 1,
}
