using System.Device.I2c;
using System.Numerics;
using Iot.Device.Bno055;

namespace DroneLiquid.Sensors.Imu.I2c;

/// <summary>
/// Bosch BNO055 through <see cref="Bno055Sensor"/>, in the non-fusion AMG mode: raw accelerometer (±4 g) and
/// gyroscope (±2000 °/s) at their power-on ranges, our own bias removal and axis remapping. The binding leaves
/// UNIT_SEL at m/s² (100 LSB per m/s²) and °/s (16 LSB per °/s).
/// </summary>
internal sealed class Bno055Driver : IImuDriver
{
    /// <summary>Power-on accelerometer range, g (ACC_Config 0x0D).</summary>
    internal const int AccelerometerRangeG = 4;

    /// <summary>Power-on gyroscope range, °/s (GYR_Config_0 0x38).</summary>
    internal const int GyroscopeRangeDps = 2000;

    private const int TemperatureEverySamples = 10;
    private readonly Bno055Sensor _bno;
    private int _samplesSinceTemperature = TemperatureEverySamples;

    public Bno055Driver(I2cDevice device)
    {
        _bno = new Bno055Sensor(device, OperationMode.AccelerometerMagnetometerGyroscope, shouldDispose: true);
    }

    public float AccelerationFullScaleMetresPerSecondSquared { get; } = ImuUnits.StandardGravitiesToMetresPerSecondSquared((float)AccelerometerRangeG);

    public float AngularRateFullScaleRadiansPerSecond { get; } = ImuUnits.DegreesPerSecondToRadiansPerSecond((float)GyroscopeRangeDps);

    public void Read(out Vector3 accelerationBoard, out Vector3 angularRateBoard, ref float? temperatureCelsius)
    {
        // The binding already divides by 100 LSB per m/s², which is SI.
        accelerationBoard = _bno.Accelerometer;
        angularRateBoard = ImuUnits.DegreesPerSecondToRadiansPerSecond(_bno.Gyroscope);
        if (++_samplesSinceTemperature >= TemperatureEverySamples)
        {
            _samplesSinceTemperature = 0;
            temperatureCelsius = (float)_bno.Temperature.DegreesCelsius;
        }
    }

    public void Dispose() => _bno.Dispose();
}
