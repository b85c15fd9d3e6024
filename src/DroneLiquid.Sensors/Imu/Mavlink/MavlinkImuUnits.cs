using System.Numerics;

namespace DroneLiquid.Sensors.Imu.Mavlink;

/// <summary>
/// The conversions from the autopilot's IMU and attitude messages to SI in the FRD body frame, one named method
/// each. PX4 and ArduPilot report IMU axes and attitude in their body frame, which is already FRD (x forward,
/// y right, z down), and attitude as the rotation from that body frame to local NED, so no axis remapping is
/// needed: only units change.
/// </summary>
public static class MavlinkImuUnits
{
    /// <summary>SCALED_IMU acceleration is in milli-g.</summary>
    public const float MetresPerSecondSquaredPerMilliG = ImuUnits.StandardGravityMetresPerSecondSquared / 1000f;

    /// <summary>SCALED_IMU angular rate is in milliradians per second.</summary>
    public const float RadiansPerSecondPerMilliradianPerSecond = 1f / 1000f;

    /// <summary>SCALED_IMU temperature is in centidegrees Celsius.</summary>
    public const float CelsiusPerCentidegree = 0.01f;

    /// <summary>HIGHRES_IMU: xacc..zacc (m/s²) and xgyro..zgyro (rad/s) are already SI in the FRD body frame.</summary>
    public static Vector3 HighresToFrd(float x, float y, float z) => new(x, y, z);

    /// <summary>SCALED_IMU acceleration: milli-g to m/s², FRD.</summary>
    public static Vector3 MilliGToMetresPerSecondSquared(short x, short y, short z) =>
        new Vector3(x, y, z) * MetresPerSecondSquaredPerMilliG;

    /// <summary>SCALED_IMU angular rate: mrad/s to rad/s, FRD.</summary>
    public static Vector3 MilliradiansPerSecondToRadiansPerSecond(short x, short y, short z) =>
        new Vector3(x, y, z) * RadiansPerSecondPerMilliradianPerSecond;

    /// <summary>
    /// RAW_IMU: raw ADC counts times a per-count scale (SI per count). The message carries no scale: it depends on
    /// the chip and the range the autopilot configured, so the caller must supply it (see <see cref="MavlinkImuOptions"/>).
    /// </summary>
    public static Vector3 RawCountsToSi(short x, short y, short z, float siPerCount) => new Vector3(x, y, z) * siPerCount;

    /// <summary>
    /// ATTITUDE: roll, pitch, yaw (rad, the aerospace Z-Y-X sequence) to the FRD→NED rotation
    /// q = yaw about z · pitch about y · roll about x.
    /// </summary>
    public static Quaternion EulerToFrdToNed(float rollRadians, float pitchRadians, float yawRadians)
    {
        float cr = MathF.Cos(rollRadians * 0.5f), sr = MathF.Sin(rollRadians * 0.5f);
        float cp = MathF.Cos(pitchRadians * 0.5f), sp = MathF.Sin(pitchRadians * 0.5f);
        float cy = MathF.Cos(yawRadians * 0.5f), sy = MathF.Sin(yawRadians * 0.5f);
        return new Quaternion(
            (sr * cp * cy) - (cr * sp * sy),
            (cr * sp * cy) + (sr * cp * sy),
            (cr * cp * sy) - (sr * sp * cy),
            (cr * cp * cy) + (sr * sp * sy));
    }

    /// <summary>
    /// ATTITUDE_QUATERNION: q1..q4 are w, x, y, z (MAVLink order; 1, 0, 0, 0 is no rotation) of the FRD→NED
    /// rotation; System.Numerics takes x, y, z, w. Normalised, since a float quaternion off the wire drifts.
    /// </summary>
    public static Quaternion WxyzToFrdToNed(float q1, float q2, float q3, float q4) =>
        Quaternion.Normalize(new Quaternion(q2, q3, q4, q1));
}
