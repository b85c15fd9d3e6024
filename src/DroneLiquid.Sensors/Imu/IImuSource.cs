namespace DroneLiquid.Sensors.Imu;

/// <summary>
/// A source of inertial samples in the FRD body frame: an I2C chip, the autopilot over MAVLink, or the simulator.
/// The control tick only calls <see cref="ReadLatest"/>, which never blocks and never allocates.
/// </summary>
public interface IImuSource : IDisposable
{
    /// <summary>A short name for logs and status ("mpu6050@i2c-1:0x68").</summary>
    string Name { get; }

    /// <summary>Begins producing samples. A required source that cannot start throws <see cref="SensorStartException"/>.</summary>
    void Start();

    /// <summary>Stops producing; the last sample stays readable and the health becomes Failed (Stopped).</summary>
    void Stop();

    /// <summary>The newest sample with its timestamp, sequence number, age and health.</summary>
    SensorReading<ImuSample> ReadLatest();

    /// <summary>Totals since start, for status displays and logs.</summary>
    ImuCounters Counters { get; }
}
