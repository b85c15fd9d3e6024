namespace DroneLiquid.Sensors.Imu.Mavlink;

/// <summary>
/// Which autopilot to listen to and how to judge its IMU stream. Plain properties; <see cref="Validate"/> runs in
/// the source's constructor and names the first bad property, its value and what is allowed.
/// </summary>
public sealed class MavlinkImuOptions
{
    /// <summary>System id of the autopilot. Default 1.</summary>
    public byte TargetSystemId { get; init; } = 1;

    /// <summary>Component id of the autopilot. Default 1 (MAV_COMP_ID_AUTOPILOT1); 0 accepts any component of the system.</summary>
    public byte TargetComponentId { get; init; } = 1;

    /// <summary>A sample older than this is Stale. Default 0.1 s (PX4 streams HIGHRES_IMU at 50 Hz on the onboard link); 1 ms to 10 s.</summary>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Identical readings for longer than this are Frozen. Default 0.5 s; 10 ms to 60 s.</summary>
    public TimeSpan FrozenAfter { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Bad messages (NaN or infinite fields) in a row before the source is Failed. Default 5; 1 to 1000.</summary>
    public int FailuresBeforeUnhealthy { get; init; } = 5;

    /// <summary>Accelerometer range for saturation checks, m/s². Default 16 g (156.9); must be positive.</summary>
    public float AccelerationFullScaleMetresPerSecondSquared { get; init; } = 16f * ImuUnits.StandardGravityMetresPerSecondSquared;

    /// <summary>Gyro range for saturation checks, rad/s. Default 2000 °/s (34.9); must be positive.</summary>
    public float AngularRateFullScaleRadiansPerSecond { get; init; } = 2000f * ImuUnits.RadiansPerDegree;

    /// <summary>
    /// RAW_IMU accelerometer scale, m/s² per count. RAW_IMU carries no scale (it depends on the chip and the range the
    /// autopilot set), so RAW_IMU is ignored unless both raw scales are set. ArduPilot fills RAW_IMU exactly like
    /// SCALED_IMU (milli-g and mrad/s): use 9.80665 / 1000 and 0.001 there. A true raw stream from an MPU-6000 at
    /// ±8 g is 9.80665 / 4096. Default NaN (unset).
    /// </summary>
    public float RawAccelerationMetresPerSecondSquaredPerCount { get; init; } = float.NaN;

    /// <summary>RAW_IMU gyro scale, rad/s per count (MPU-6000 at ±2000 °/s: (π/180) / 16.4). Default NaN (unset).</summary>
    public float RawAngularRateRadiansPerSecondPerCount { get; init; } = float.NaN;

    /// <summary>Send TIMESYNC requests and prefer their offset. Default true.</summary>
    public bool UseTimesync { get; init; } = true;

    /// <summary>Period of our TIMESYNC requests. Default 1 s; 10 ms to 60 s.</summary>
    public TimeSpan TimesyncInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>TIMESYNC replies with a longer round trip are rejected. Default 10 ms (PX4's limit); 1 ms to 1 s.</summary>
    public TimeSpan TimesyncMaxRoundTrip { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Messages in the arrival-time window. Default 256 (a few seconds of IMU and attitude); 8 to 100000.</summary>
    public int ArrivalWindowSamples { get; init; } = 256;

    /// <summary>Remote time stepping back by more than this means the autopilot rebooted. Default 0.5 s; 1 ms to 1 h.</summary>
    public TimeSpan RebootBackwardsJump { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Attitude older than this (remote time, relative to the IMU sample) is left out of a sample. Default 0.1 s; 1 ms to 10 s.</summary>
    public TimeSpan AttitudeMaxAge { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>True when RAW_IMU can be converted (both raw scales set).</summary>
    public bool HasRawScales => float.IsFinite(RawAccelerationMetresPerSecondSquaredPerCount) && float.IsFinite(RawAngularRateRadiansPerSecondPerCount);

    /// <summary>Checks every value; throws <see cref="ArgumentException"/> naming the first bad property, its value and the allowed range.</summary>
    public void Validate()
    {
        if (TargetSystemId == 0)
        {
            throw new ArgumentException($"{nameof(TargetSystemId)} must be 1 to 255 (the autopilot's system id); got 0", nameof(TargetSystemId));
        }

        CheckRange(nameof(StaleAfter), StaleAfter, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(10));
        CheckRange(nameof(FrozenAfter), FrozenAfter, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(60));
        CheckRange(nameof(TimesyncInterval), TimesyncInterval, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(60));
        CheckRange(nameof(TimesyncMaxRoundTrip), TimesyncMaxRoundTrip, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1));
        CheckRange(nameof(RebootBackwardsJump), RebootBackwardsJump, TimeSpan.FromMilliseconds(1), TimeSpan.FromHours(1));
        CheckRange(nameof(AttitudeMaxAge), AttitudeMaxAge, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(10));
        CheckCount(nameof(FailuresBeforeUnhealthy), FailuresBeforeUnhealthy, 1, 1000);
        CheckCount(nameof(ArrivalWindowSamples), ArrivalWindowSamples, 8, 100_000);
        CheckPositive(nameof(AccelerationFullScaleMetresPerSecondSquared), AccelerationFullScaleMetresPerSecondSquared, allowNaN: false);
        CheckPositive(nameof(AngularRateFullScaleRadiansPerSecond), AngularRateFullScaleRadiansPerSecond, allowNaN: false);
        CheckPositive(nameof(RawAccelerationMetresPerSecondSquaredPerCount), RawAccelerationMetresPerSecondSquaredPerCount, allowNaN: true);
        CheckPositive(nameof(RawAngularRateRadiansPerSecondPerCount), RawAngularRateRadiansPerSecondPerCount, allowNaN: true);
    }

    private static void CheckRange(string name, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            throw new ArgumentException($"{name} must be from {min.TotalSeconds} s to {max.TotalSeconds} s; got {value.TotalSeconds} s", name);
        }
    }

    private static void CheckCount(string name, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            throw new ArgumentException($"{name} must be from {min} to {max}; got {value}", name);
        }
    }

    private static void CheckPositive(string name, float value, bool allowNaN)
    {
        if (allowNaN && float.IsNaN(value))
        {
            return;
        }

        if (!float.IsFinite(value) || value <= 0f)
        {
            throw new ArgumentException($"{name} must be a positive finite number{(allowNaN ? " or NaN (unset)" : string.Empty)}; got {value}", name);
        }
    }
}
