using System.Numerics;

namespace DroneLiquid.Sim.Vehicle;

/// <summary>
/// The true rigid-body state. Position is the centre of mass in local NED (down 0 = ground, where the vehicle
/// rests); attitude rotates FRD body vectors into NED; motor speeds are in PX4 quad X order.
/// </summary>
public struct QuadrotorState
{
    public Vector3 PositionNed;
    public Vector3 VelocityNed;
    public Quaternion AttitudeFrdToNed;
    public Vector3 AngularRateFrd;
    public Vector4 MotorSpeedsRadiansPerSecond;

    public static QuadrotorState AtRest(Vector3 positionNed, float yawRadians) => new()
    {
        PositionNed = positionNed,
        VelocityNed = Vector3.Zero,
        AttitudeFrdToNed = Quaternion.CreateFromAxisAngle(Vector3.UnitZ, yawRadians),
        AngularRateFrd = Vector3.Zero,
        MotorSpeedsRadiansPerSecond = Vector4.Zero,
    };

    /// <summary>Height of the centre above the ground, metres.</summary>
    public readonly float AltitudeMetres => -PositionNed.Z;

    public readonly bool IsFinite =>
        float.IsFinite(PositionNed.X + PositionNed.Y + PositionNed.Z + VelocityNed.X + VelocityNed.Y + VelocityNed.Z
            + AttitudeFrdToNed.X + AttitudeFrdToNed.Y + AttitudeFrdToNed.Z + AttitudeFrdToNed.W
            + AngularRateFrd.X + AngularRateFrd.Y + AngularRateFrd.Z);
}
