namespace DroneLiquid.FirmwareBridge;

/// <summary>
/// One velocity command: X, Y, Z in <see cref="Frame"/> (m/s; north/east/down or forward/right/down) and a yaw
/// rate (rad/s, positive clockwise seen from above). It is sent as SET_POSITION_TARGET_LOCAL_NED with only the
/// velocity and yaw-rate fields enabled.
/// </summary>
public readonly record struct VelocitySetpoint(SetpointFrame Frame, float X, float Y, float Z, float YawRateRadiansPerSecond)
{
    /// <summary>True when every field is a finite number.</summary>
    public bool IsFinite => float.IsFinite(X) && float.IsFinite(Y) && float.IsFinite(Z) && float.IsFinite(YawRateRadiansPerSecond);

    /// <summary>Zero velocity and yaw rate in the local frame: the stop command.</summary>
    public static VelocitySetpoint Stop => new(SetpointFrame.LocalNed, 0f, 0f, 0f, 0f);
}
