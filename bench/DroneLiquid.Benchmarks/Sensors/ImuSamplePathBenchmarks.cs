using BenchmarkDotNet.Attributes;
using DroneLiquid.Sensors;
using DroneLiquid.Sensors.Imu;
using DroneLiquid.Sensors.Imu.I2c;

namespace DroneLiquid.Benchmarks.Sensors;

/// <summary>
/// One IMU sample through the real MPU-6500 binding (5 register transactions), SI conversion, health checks,
/// FRD remap and publish; and the tick's lock-free read of the newest sample.
/// </summary>
[MemoryDiagnoser]
public class ImuSamplePathBenchmarks
{
    private I2cImuSource _source = null!;

    [GlobalSetup]
    public void Setup()
    {
        var registers = new byte[256];
        registers[0x75] = 0x70; // WHO_AM_I of an MPU-6500
        registers[0x3B] = 0x01; // some acceleration
        registers[0x40] = 0x10;
        var options = new I2cImuOptions
        {
            Chip = ImuChip.Mpu6500,
            SampleRateHz = 500,
            GyroCalibration = GyroCalibrationMode.None,
            FrozenAfter = TimeSpan.FromDays(1),
        };
        _source = new I2cImuSource(options, TimeProvider.System, logger: null, _ => new StaticRegisterI2cDevice(registers));
        _source.Open();
    }

    [GlobalCleanup]
    public void Cleanup() => _source.Dispose();

    [Benchmark(Description = "I2C IMU sample: binding read + SI + checks + FRD + publish")]
    public bool Sample() => _source.SampleOnce();

    [Benchmark(Description = "Tick read of the newest IMU sample")]
    public SensorReading<ImuSample> ReadLatest() => _source.ReadLatest();
}
