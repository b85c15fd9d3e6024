namespace DroneLiquid.Sensors.Imu.I2c;

/// <summary>
/// Configuration of one I2C IMU (section "Sensors:Imu" of the service configuration). Plain properties with
/// named defaults; <see cref="I2cImuOptionsValidator"/> checks them, naming the key, the value and what is allowed.
/// </summary>
public sealed class I2cImuOptions
{
    /// <summary>Default sampling rate, Hz.</summary>
    public const double DefaultSampleRateHz = 200;

    /// <summary>Default age after which a sample is stale: a few sample periods.</summary>
    public static readonly TimeSpan DefaultStaleAfter = TimeSpan.FromMilliseconds(50);

    /// <summary>Default time the output may stay bit-identical before the source counts as frozen.</summary>
    public static readonly TimeSpan DefaultFrozenAfter = TimeSpan.FromMilliseconds(500);

    /// <summary>Which chip is on the bus.</summary>
    public ImuChip Chip { get; set; } = ImuChip.Mpu6050;

    /// <summary>Linux I2C bus number (<c>/dev/i2c-N</c>); 1 on a Raspberry Pi's header pins 3/5.</summary>
    public int BusId { get; set; } = 1;

    /// <summary>7-bit device address; null takes the chip's default (0x68 MPU, 0x28 BNO055, 0x6A LSM9DS1).</summary>
    public int? Address { get; set; }

    /// <summary>Accelerometer full scale, ±g: 2, 4, 8 or 16 (MPU, LSM9DS1); the BNO055 is fixed at 4.</summary>
    public int AccelerometerRangeG { get; set; } = 8;

    /// <summary>Gyroscope full scale, ±°/s: 250/500/1000/2000 (MPU), 245/500/2000 (LSM9DS1); the BNO055 is fixed at 2000.</summary>
    public int GyroscopeRangeDegreesPerSecond { get; set; } = 1000;

    /// <summary>How often the sampling thread reads the chip, Hz (default 200; at most 1000 MPU, 119 LSM9DS1, 100 BNO055).</summary>
    public double SampleRateHz { get; set; } = DefaultSampleRateHz;

    /// <summary>Board mounting as "forward,right,down" signed board axes (see <see cref="AxisRemap"/>); default "+X,-Y,-Z".</summary>
    public string BoardToBody { get; set; } = "+X,-Y,-Z";

    /// <summary>A sample older than this is stale (default 50 ms).</summary>
    public TimeSpan StaleAfter { get; set; } = DefaultStaleAfter;

    /// <summary>Consecutive failed reads after which the source is Failed (default 5); one good read heals it.</summary>
    public int FailuresBeforeUnhealthy { get; set; } = 5;

    /// <summary>How long bit-identical output is tolerated before the source is Failed (Frozen); default 500 ms.</summary>
    public TimeSpan FrozenAfter { get; set; } = DefaultFrozenAfter;

    /// <summary>True (default): a missing chip stops the start with one clear error. False: the source reports Failed (NotFound).</summary>
    public bool Required { get; set; } = true;

    /// <summary>Gyro bias handling at start (default <see cref="GyroCalibrationMode.LoadOrCalibrate"/>).</summary>
    public GyroCalibrationMode GyroCalibration { get; set; } = GyroCalibrationMode.LoadOrCalibrate;

    /// <summary>Where the gyro bias is stored; required unless <see cref="GyroCalibration"/> is None.</summary>
    public string? CalibrationFile { get; set; }

    /// <summary>Samples averaged for the gyro bias (default 200).</summary>
    public int CalibrationSamples { get; set; } = 200;

    /// <summary>Largest angular-rate standard deviation accepted as "still", rad/s.</summary>
    public float CalibrationMaxGyroStdDevRadiansPerSecond { get; set; } = GyroBiasCalibrator.DefaultMaxGyroStdDevRadiansPerSecond;

    /// <summary>Largest specific-force standard deviation accepted as "still", m/s².</summary>
    public float CalibrationMaxAccelerationStdDevMetresPerSecondSquared { get; set; } = GyroBiasCalibrator.DefaultMaxAccelerationStdDevMetresPerSecondSquared;

    /// <summary>The address in effect: <see cref="Address"/> or the chip's default.</summary>
    public int EffectiveAddress => Address ?? DefaultAddress(Chip);

    /// <summary>The chip's usual address.</summary>
    public static int DefaultAddress(ImuChip chip) => chip switch
    {
        ImuChip.Bno055 => 0x28,
        ImuChip.Lsm9Ds1 => 0x6A,
        _ => 0x68,
    };

    /// <summary>"mpu6050@i2c-1:0x68": names the device in logs, errors and calibration files.</summary>
    public string DeviceName => $"{Chip.ToString().ToLowerInvariant()}@i2c-{BusId}:0x{EffectiveAddress:X2}";
}
