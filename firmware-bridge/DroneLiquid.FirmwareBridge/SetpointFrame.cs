namespace DroneLiquid.FirmwareBridge;

/// <summary>The frame of a velocity setpoint.</summary>
public enum SetpointFrame : byte
{
    /// <summary>Local North-East-Down (MAV_FRAME_LOCAL_NED).</summary>
    LocalNed = 0,

    /// <summary>
    /// Forward-Right-Down rotated by the current heading only: the autopilot rotates the velocity by its yaw (PX4
    /// MAV_FRAME_BODY_NED, ArduPilot MAV_FRAME_BODY_OFFSET_NED, as each was observed to accept).
    /// </summary>
    BodyHeading = 1,
}
