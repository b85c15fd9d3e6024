using System.Numerics;
using DroneLiquid.Mavlink.Messages;

namespace DroneLiquid.Sim.Autopilot;

/// <summary>
/// A decoded SET_POSITION_TARGET_LOCAL_NED. type_mask bits set mean "ignore": 0x0007 position, 0x0038 velocity,
/// 0x01C0 acceleration, 0x0200 force, 0x0400 yaw, 0x0800 yaw rate. So velocity only is 0x0DC7 and velocity plus
/// yaw rate 0x05C7. Frames: LOCAL_NED (1), BODY_NED (8) and, on ArduPilot, BODY_OFFSET_NED (9) which it treats as 8.
/// </summary>
public readonly record struct Setpoint(SetpointKind Kind, bool BodyFrame, Vector3 Vector, float? YawRadians, float? YawRateRadiansPerSecond)
{
    public const int LocalNedFrame = 1;
    public const int BodyNedFrame = 8;
    public const int BodyOffsetNedFrame = 9;
    public const ushort IgnorePosition = 0x0007;
    public const ushort IgnoreVelocity = 0x0038;
    public const ushort IgnoreAcceleration = 0x01C0;
    public const ushort IgnoreYaw = 0x0400;
    public const ushort IgnoreYawRate = 0x0800;

    /// <summary>Velocity only (0x0DC7).</summary>
    public const ushort VelocityOnlyMask = 0x0DC7;

    /// <summary>Velocity and yaw rate (0x05C7).</summary>
    public const ushort VelocityYawRateMask = 0x05C7;

    /// <summary>Reads a setpoint; <paramref name="sanityLimit"/> (m/s or m) bounds the values that count as sane.</summary>
    public static Setpoint Decode(in SetPositionTargetLocalNedMessage m, bool acceptBodyOffset, float sanityLimit)
    {
        bool body = m.CoordinateFrame == BodyNedFrame || (acceptBodyOffset && m.CoordinateFrame == BodyOffsetNedFrame);
        if (m.CoordinateFrame != LocalNedFrame && !body)
        {
            return new Setpoint(SetpointKind.Ignored, false, default, null, null);
        }

        ushort mask = m.TypeMask;
        bool usePosition = (mask & IgnorePosition) != IgnorePosition;
        bool useVelocity = (mask & IgnoreVelocity) != IgnoreVelocity;
        bool useAcceleration = (mask & IgnoreAcceleration) != IgnoreAcceleration;
        bool useYaw = (mask & IgnoreYaw) == 0;
        bool useYawRate = (mask & IgnoreYawRate) == 0;
        float? yaw = useYaw ? m.Yaw : null;
        float? yawRate = useYawRate ? m.YawRate : null;
        if (!Sane(yaw, 100f) || !Sane(yawRate, 100f))
        {
            return new Setpoint(SetpointKind.Rejected, body, default, null, null);
        }

        if (usePosition && !body)
        {
            // Position (velocity, if also given, is a feed-forward the position loop does not need).
            var p = new Vector3(m.X, m.Y, m.Z);
            return SaneVector(p, 10_000f) ? new Setpoint(SetpointKind.Position, false, p, yaw, null) : new Setpoint(SetpointKind.Rejected, false, default, null, null);
        }

        if (useVelocity && !usePosition && !useAcceleration)
        {
            var v = new Vector3(m.Vx, m.Vy, m.Vz);
            return SaneVector(v, sanityLimit)
                ? new Setpoint(SetpointKind.Velocity, body, v, yaw, yawRate)
                : new Setpoint(SetpointKind.Rejected, body, default, null, null);
        }

        return new Setpoint(SetpointKind.Ignored, body, default, null, null);
    }

    private static bool Sane(float? value, float limit) => value is not { } v || (float.IsFinite(v) && MathF.Abs(v) <= limit);

    private static bool SaneVector(Vector3 v, float limit) =>
        float.IsFinite(v.X) && float.IsFinite(v.Y) && float.IsFinite(v.Z) && MathF.Abs(v.X) <= limit && MathF.Abs(v.Y) <= limit && MathF.Abs(v.Z) <= limit;
}
