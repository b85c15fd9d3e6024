using System.Numerics;

namespace DroneLiquid.Sensors.Imu;

/// <summary>
/// The unit conversions of the IMU path, one named method each, so that no unit lives only in prose.
/// Drivers call these once on the way from a chip's units to SI.
/// </summary>
public static class ImuUnits
{
    /// <summary>Standard gravity g₀ (CGPM 1901), m/s² per g.</summary>
    public const float StandardGravityMetresPerSecondSquared = 9.80665f;

    /// <summary>Radians per degree.</summary>
    public const float RadiansPerDegree = MathF.PI / 180f;

    /// <summary>Angular rate: degrees per second to radians per second.</summary>
    public static Vector3 DegreesPerSecondToRadiansPerSecond(Vector3 degreesPerSecond) => degreesPerSecond * RadiansPerDegree;

    /// <summary>Acceleration: multiples of standard gravity (g) to m/s².</summary>
    public static Vector3 StandardGravitiesToMetresPerSecondSquared(Vector3 standardGravities) =>
        standardGravities * StandardGravityMetresPerSecondSquared;

    /// <summary>A full-scale range in g to m/s² (for saturation limits).</summary>
    public static float StandardGravitiesToMetresPerSecondSquared(float standardGravities) =>
        standardGravities * StandardGravityMetresPerSecondSquared;

    /// <summary>A full-scale range in degrees per second to rad/s (for saturation limits).</summary>
    public static float DegreesPerSecondToRadiansPerSecond(float degreesPerSecond) => degreesPerSecond * RadiansPerDegree;
}
