using System.Numerics;

namespace DroneLiquid.Sensors.Imu.I2c;

/// <summary>
/// One chip behind its Iot.Device.Bindings driver: reads a sample in the board frame and converts it once to SI.
/// Implementations throw on a bus error; the source counts it.
/// </summary>
internal interface IImuDriver : IDisposable
{
    /// <summary>Accelerometer full scale, m/s² (for saturation).</summary>
    float AccelerationFullScaleMetresPerSecondSquared { get; }

    /// <summary>Gyroscope full scale, rad/s (for saturation).</summary>
    float AngularRateFullScaleRadiansPerSecond { get; }

    /// <summary>Reads one sample: specific force (m/s²) and angular rate (rad/s) in the board frame, and the die temperature when refreshed.</summary>
    void Read(out Vector3 accelerationBoard, out Vector3 angularRateBoard, ref float? temperatureCelsius);
}
