using System.Numerics;

namespace DroneLiquid.Sensors.Imu;

/// <summary>
/// Computes a gyro bias from samples taken at rest and refuses when the vehicle was not still: the angular
/// rate or specific force varied more than the limits, or the specific force was not about one g.
/// </summary>
public static class GyroBiasCalibrator
{
    /// <summary>Default limit on the angular-rate standard deviation per axis, rad/s (about 1.1 °/s).</summary>
    public const float DefaultMaxGyroStdDevRadiansPerSecond = 0.02f;

    /// <summary>Default limit on the specific-force standard deviation per axis, m/s².</summary>
    public const float DefaultMaxAccelerationStdDevMetresPerSecondSquared = 0.3f;

    /// <summary>How far the mean specific-force magnitude may be from one g, as a fraction of g.</summary>
    public const float GravityMagnitudeTolerance = 0.1f;

    /// <summary>
    /// Means and standard deviations of <paramref name="angularRateBoard"/> (rad/s) and <paramref name="accelerationBoard"/> (m/s²).
    /// Returns false with a sentence naming the failing axis, the measured spread and the limit when the vehicle moved.
    /// </summary>
    public static bool TryCompute(
        ReadOnlySpan<Vector3> angularRateBoard,
        ReadOnlySpan<Vector3> accelerationBoard,
        float maxGyroStdDevRadiansPerSecond,
        float maxAccelerationStdDevMetresPerSecondSquared,
        out Vector3 gyroBias,
        out Vector3 gyroStdDev,
        out string error)
    {
        gyroBias = default;
        gyroStdDev = default;
        error = string.Empty;
        if (angularRateBoard.Length < 2 || angularRateBoard.Length != accelerationBoard.Length)
        {
            error = $"calibration needs at least 2 paired samples; got {angularRateBoard.Length} angular-rate and {accelerationBoard.Length} acceleration samples";
            return false;
        }

        (gyroBias, gyroStdDev) = MeanAndStdDev(angularRateBoard);
        var (accelMean, accelStdDev) = MeanAndStdDev(accelerationBoard);
        for (int axis = 0; axis < 3; axis++)
        {
            if (gyroStdDev[axis] > maxGyroStdDevRadiansPerSecond)
            {
                error = $"vehicle not still: angular rate on board axis {(char)('x' + axis)} varied by {gyroStdDev[axis]:0.####} rad/s (std dev), limit {maxGyroStdDevRadiansPerSecond:0.####} rad/s";
                return false;
            }

            if (accelStdDev[axis] > maxAccelerationStdDevMetresPerSecondSquared)
            {
                error = $"vehicle not still: specific force on board axis {(char)('x' + axis)} varied by {accelStdDev[axis]:0.###} m/s² (std dev), limit {maxAccelerationStdDevMetresPerSecondSquared:0.###} m/s²";
                return false;
            }
        }

        float g = accelMean.Length();
        if (MathF.Abs(g - ImuUnits.StandardGravityMetresPerSecondSquared) > GravityMagnitudeTolerance * ImuUnits.StandardGravityMetresPerSecondSquared)
        {
            error = $"vehicle not at rest: mean specific force is {g:0.##} m/s², expected {ImuUnits.StandardGravityMetresPerSecondSquared:0.##} m/s² ± {GravityMagnitudeTolerance:P0}";
            return false;
        }

        return true;
    }

    private static (Vector3 Mean, Vector3 StdDev) MeanAndStdDev(ReadOnlySpan<Vector3> values)
    {
        // Two passes in double: the spread of a still gyro is tiny next to its bias.
        double mx = 0, my = 0, mz = 0;
        foreach (var v in values)
        {
            mx += v.X;
            my += v.Y;
            mz += v.Z;
        }

        int n = values.Length;
        mx /= n;
        my /= n;
        mz /= n;
        double vx = 0, vy = 0, vz = 0;
        foreach (var v in values)
        {
            vx += (v.X - mx) * (v.X - mx);
            vy += (v.Y - my) * (v.Y - my);
            vz += (v.Z - mz) * (v.Z - mz);
        }

        return (new Vector3((float)mx, (float)my, (float)mz),
            new Vector3((float)Math.Sqrt(vx / (n - 1)), (float)Math.Sqrt(vy / (n - 1)), (float)Math.Sqrt(vz / (n - 1))));
    }
}
