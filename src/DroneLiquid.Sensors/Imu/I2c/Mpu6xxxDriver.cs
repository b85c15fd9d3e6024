using System.Device.I2c;
using System.Numerics;
using Iot.Device.Imu;

namespace DroneLiquid.Sensors.Imu.I2c;

/// <summary>
/// MPU-6050, MPU-6500 and MPU-9250 through <see cref="Mpu6050"/> and its subclasses (Iot.Device.Bindings 4.2.0).
/// </summary>
/// <remarks>
/// Three habits of the binding shape this adapter:
/// <list type="bullet">
/// <item><see cref="Mpu6050.GetAccelerometer"/> is documented "in G" but returns m/s² computed with g = 9.807;
/// <see cref="BindingAccelerationToStandardGravities"/> undoes exactly that before our one g → m/s² conversion.</item>
/// <item>Its accelerometer and gyroscope scales are divided by (1 + SMPLRT_DIV), which would shrink every reading
/// when the chip's divider is used; the divider therefore stays 0 (1 kHz internal rate, DLPF as anti-alias filter) and
/// our own thread sets the sample rate.</item>
/// <item>The gyroscope-bandwidth setter writes GYRO_CONFIG with the range unshifted, so the bandwidth is set before the range.</item>
/// </list>
/// The binding's gyro scale is FS/32768 per LSB; the datasheet's is 1/131, 1/65.5, 1/32.8 or 1/16.4 °/s per LSB;
/// <see cref="GyroscopeDatasheetCorrection"/> converts between them.
/// </remarks>
internal sealed class Mpu6xxxDriver : IImuDriver
{
    /// <summary>The g the binding multiplies by (its private constant Gravity).</summary>
    internal const float BindingGravityMetresPerSecondSquared = 9.807f;

    private const int TemperatureEverySamples = 10;
    private readonly Mpu6050 _mpu;
    private readonly float _gyroCorrection;
    private int _samplesSinceTemperature = TemperatureEverySamples;

    public Mpu6xxxDriver(I2cDevice device, ImuChip chip, int accelerometerRangeG, int gyroscopeRangeDps, double sampleRateHz)
    {
        _mpu = chip switch
        {
            ImuChip.Mpu6050 => new Mpu6050(device),
            ImuChip.Mpu6500 => new Mpu6500(device),
            ImuChip.Mpu9250 => new Mpu9250(device, shouldDispose: true),
            _ => throw new ArgumentOutOfRangeException(nameof(chip), chip, "not an MPU chip"),
        };

        _mpu.GyroscopeBandwidth = GyroscopeBandwidthFor(sampleRateHz);
        if (chip != ImuChip.Mpu6050)
        {
            // ACCEL_CONFIG_2 exists from the MPU-6500 on; the MPU-6050's accelerometer shares the CONFIG low-pass filter.
            _mpu.AccelerometerBandwidth = AccelerometerBandwidthFor(sampleRateHz);
        }

        _mpu.SampleRateDivider = 0;
        _mpu.AccelerometerRange = accelerometerRangeG switch
        {
            2 => AccelerometerRange.Range02G,
            4 => AccelerometerRange.Range04G,
            8 => AccelerometerRange.Range08G,
            _ => AccelerometerRange.Range16G,
        };
        _mpu.GyroscopeRange = gyroscopeRangeDps switch
        {
            250 => GyroscopeRange.Range0250Dps,
            500 => GyroscopeRange.Range0500Dps,
            1000 => GyroscopeRange.Range1000Dps,
            _ => GyroscopeRange.Range2000Dps,
        };

        _gyroCorrection = GyroscopeDatasheetCorrection(gyroscopeRangeDps);
        AccelerationFullScaleMetresPerSecondSquared = ImuUnits.StandardGravitiesToMetresPerSecondSquared((float)accelerometerRangeG);
        AngularRateFullScaleRadiansPerSecond = ImuUnits.DegreesPerSecondToRadiansPerSecond((float)gyroscopeRangeDps);
    }

    public float AccelerationFullScaleMetresPerSecondSquared { get; }

    public float AngularRateFullScaleRadiansPerSecond { get; }

    public void Read(out Vector3 accelerationBoard, out Vector3 angularRateBoard, ref float? temperatureCelsius)
    {
        accelerationBoard = ImuUnits.StandardGravitiesToMetresPerSecondSquared(BindingAccelerationToStandardGravities(_mpu.GetAccelerometer()));
        angularRateBoard = ImuUnits.DegreesPerSecondToRadiansPerSecond(_mpu.GetGyroscopeReading() * _gyroCorrection);
        if (++_samplesSinceTemperature >= TemperatureEverySamples)
        {
            // The die temperature changes slowly; reading it every sample would cost a bus transaction each time.
            _samplesSinceTemperature = 0;
            temperatureCelsius = (float)_mpu.GetTemperature().DegreesCelsius;
        }
    }

    /// <summary>The binding's "m/s² at g = 9.807" back to multiples of g.</summary>
    internal static Vector3 BindingAccelerationToStandardGravities(Vector3 binding) => binding / BindingGravityMetresPerSecondSquared;

    /// <summary>Datasheet sensitivity over the binding's FS/32768: 32768 / FS / LSB-per-°/s.</summary>
    internal static float GyroscopeDatasheetCorrection(int gyroscopeRangeDps)
    {
        float lsbPerDps = gyroscopeRangeDps switch
        {
            250 => 131f,
            500 => 65.5f,
            1000 => 32.8f,
            _ => 16.4f,
        };
        return 32768f / gyroscopeRangeDps / lsbPerDps;
    }

    public void Dispose() => _mpu.Dispose();

    // The low-pass corner goes at or below half the sampling rate so that the thread's sampling does not alias.
    private static GyroscopeBandwidth GyroscopeBandwidthFor(double sampleRateHz) => (sampleRateHz / 2) switch
    {
        >= 250 => GyroscopeBandwidth.Bandwidth0250Hz,
        >= 184 => GyroscopeBandwidth.Bandwidth0184Hz,
        >= 92 => GyroscopeBandwidth.Bandwidth0092Hz,
        >= 41 => GyroscopeBandwidth.Bandwidth0041Hz,
        >= 20 => GyroscopeBandwidth.Bandwidth0020Hz,
        >= 10 => GyroscopeBandwidth.Bandwidth0010Hz,
        _ => GyroscopeBandwidth.Bandwidth0005Hz,
    };

    private static AccelerometerBandwidth AccelerometerBandwidthFor(double sampleRateHz) => (sampleRateHz / 2) switch
    {
        >= 460 => AccelerometerBandwidth.Bandwidth0460Hz,
        >= 184 => AccelerometerBandwidth.Bandwidth0184Hz,
        >= 92 => AccelerometerBandwidth.Bandwidth0092Hz,
        >= 41 => AccelerometerBandwidth.Bandwidth0041Hz,
        >= 20 => AccelerometerBandwidth.Bandwidth0020Hz,
        >= 10 => AccelerometerBandwidth.Bandwidth0010Hz,
        _ => AccelerometerBandwidth.Bandwidth0005Hz,
    };
}
