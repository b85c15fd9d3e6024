using System.Numerics;

namespace DroneLiquid.Sim.Frames;

/// <summary>
/// Roll, pitch and yaw (Z-Y-X, aerospace order) of the FRD body relative to NED, radians.
/// Yaw 0 faces north, positive yaw turns east; positive pitch raises the nose; positive roll lowers the right side.
/// </summary>
public readonly record struct EulerAngles(float RollRadians, float PitchRadians, float YawRadians)
{
    /// <summary>Converts a body-to-NED attitude quaternion (rotates FRD vectors into NED).</summary>
    public static EulerAngles FromQuaternion(Quaternion q)
    {
        float sinrCosp = 2f * ((q.W * q.X) + (q.Y * q.Z));
        float cosrCosp = 1f - (2f * ((q.X * q.X) + (q.Y * q.Y)));
        float sinp = 2f * ((q.W * q.Y) - (q.Z * q.X));
        float sinyCosp = 2f * ((q.W * q.Z) + (q.X * q.Y));
        float cosyCosp = 1f - (2f * ((q.Y * q.Y) + (q.Z * q.Z)));
        return new EulerAngles(
            MathF.Atan2(sinrCosp, cosrCosp),
            MathF.Asin(Math.Clamp(sinp, -1f, 1f)),
            MathF.Atan2(sinyCosp, cosyCosp));
    }

    /// <summary>The body-to-NED quaternion for these angles.</summary>
    public Quaternion ToQuaternion()
    {
        float cr = MathF.Cos(RollRadians * 0.5f), sr = MathF.Sin(RollRadians * 0.5f);
        float cp = MathF.Cos(PitchRadians * 0.5f), sp = MathF.Sin(PitchRadians * 0.5f);
        float cy = MathF.Cos(YawRadians * 0.5f), sy = MathF.Sin(YawRadians * 0.5f);
        return new Quaternion(
            (sr * cp * cy) - (cr * sp * sy),
            (cr * sp * cy) + (sr * cp * sy),
            (cr * cp * sy) - (sr * sp * cy),
            (cr * cp * cy) + (sr * sp * sy));
    }
}
