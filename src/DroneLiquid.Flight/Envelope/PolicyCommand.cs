using DroneLiquid.Flight.Frames;

namespace DroneLiquid.Flight.Envelope;

/// <summary>
/// A decoded policy action: a velocity (m/s) in <see cref="Frame"/> (X,Y,Z = north,east,down or forward,right,down)
/// and a yaw rate (rad/s, positive clockwise seen from above). Any value may be non-finite; the envelope handles it.
/// </summary>
public readonly record struct PolicyCommand(VelocityFrame Frame, float X, float Y, float Z, float YawRateRadiansPerSecond)
{
    /// <summary>A command in the NED frame.</summary>
    public static PolicyCommand Ned(float north, float east, float down, float yawRate) => new(VelocityFrame.Ned, north, east, down, yawRate);

    /// <summary>A command in the body FRD frame.</summary>
    public static PolicyCommand BodyFrd(float forward, float right, float down, float yawRate) => new(VelocityFrame.BodyFrd, forward, right, down, yawRate);
}
