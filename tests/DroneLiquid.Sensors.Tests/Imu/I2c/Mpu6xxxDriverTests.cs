using System.Device.I2c;
using System.Numerics;
using DroneLiquid.Sensors.Imu;
using DroneLiquid.Sensors.Imu.I2c;
using DroneLiquid.Sensors.Tests.Fakes;

namespace DroneLiquid.Sensors.Tests.Imu.I2c;

/// <summary>The real Iot.Device.Bindings MPU drivers against simulated register maps.</summary>
public class Mpu6xxxDriverTests
{
    private const float G = ImuUnits.StandardGravityMetresPerSecondSquared;

    [Fact]
    public void Mpu6050_configuration_writes_reach_the_chip()
    {
        var chip = FakeMpu6xxx.Mpu6050();
        var opened = new List<I2cConnectionSettings>();
        using var source = I2cImuTestRig.Source(I2cImuTestRig.Options(ImuChip.Mpu6050, 8, 1000, rateHz: 200), I2cImuTestRig.Clock(), chip, opened);

        Assert.True(source.Open());

        Assert.Equal([new I2cConnectionSettings(1, 0x68)], opened);
        Assert.Equal(1, chip.Resets);
        Assert.Equal(0x01, chip[FakeMpu6xxx.PwrMgmt1]); // awake, PLL clock
        Assert.Equal(0x00, chip[FakeMpu6xxx.SmplrtDiv]); // the binding's scales assume divider 0
        Assert.Equal(2 << 3, chip[FakeMpu6xxx.AccelConfig]); // AFS_SEL 2: ±8 g
        Assert.Equal(2 << 3, chip[FakeMpu6xxx.GyroConfig]); // FS_SEL 2: ±1000 °/s
        Assert.Equal(0x02, chip[FakeMpu6xxx.Config]); // DLPF_CFG 2: 92 Hz corner, below half of the 200 Hz sampling rate
        Assert.Equal((byte)0, chip.LastWrite(FakeMpu6xxx.AccelConfig2)); // only the binding's own default: the MPU-6050 has no ACCEL_CONFIG2
    }

    [Fact]
    public void Mpu6050_reading_is_SI_and_FRD()
    {
        var chip = FakeMpu6xxx.Mpu6050();
        using var source = I2cImuTestRig.Opened(I2cImuTestRig.Options(ImuChip.Mpu6050, 8, 1000), I2cImuTestRig.Clock(), chip);
        // Board flat, Z up: +1 g on board Z (4096 LSB/g at ±8 g). Rotating at +10 °/s about board X, -20 °/s about board Z (32.8 LSB per °/s).
        chip.SetAccelerometerRaw(0, 2048, 4096);
        chip.SetGyroscopeRaw(328, 0, -656);

        Assert.True(source.SampleOnce());
        var sample = source.ReadLatest().Value;

        // FRD: forward = +X, right = -Y, down = -Z.
        AssertClose(new Vector3(0, -0.5f * G, -G), sample.AccelerationFrd, 1e-4f);
        AssertClose(new Vector3(10, 0, 20) * (MathF.PI / 180), sample.AngularRateFrd, 1e-5f);
        Assert.True(sample.HasTemperature);
        Assert.Equal(1, sample.Sequence);
    }

    [Theory]
    [InlineData(2, 16384, 250, 131)]
    [InlineData(16, 2048, 2000, 16.4)]
    public void Mpu6500_uses_datasheet_sensitivities(int accelG, short lsbPerG, int gyroDps, double lsbPerDps)
    {
        var chip = FakeMpu6xxx.Mpu6500();
        using var source = I2cImuTestRig.Opened(I2cImuTestRig.Options(ImuChip.Mpu6500, accelG, gyroDps), I2cImuTestRig.Clock(), chip);
        chip.SetAccelerometerRaw(lsbPerG, 0, 0);
        chip.SetGyroscopeRaw(0, (short)Math.Round(lsbPerDps * 100), 0);

        source.SampleOnce();
        var sample = source.ReadLatest().Value;

        Assert.Equal(G, sample.AccelerationFrd.X, 1e-4f);
        Assert.Equal(-100 * MathF.PI / 180, sample.AngularRateFrd.Y, 1e-4f);
        Assert.NotNull(chip.LastWrite(FakeMpu6xxx.AccelConfig2)); // the 6500 has its own accelerometer filter
    }

    [Fact]
    public void Mpu9250_starts_its_magnetometer_through_the_auxiliary_bus()
    {
        var chip = FakeMpu6xxx.Mpu9250();
        using var source = I2cImuTestRig.Opened(I2cImuTestRig.Options(ImuChip.Mpu9250, 4, 500), I2cImuTestRig.Clock(), chip);
        chip.SetAccelerometerRaw(0, 0, -8192);

        source.SampleOnce();

        Assert.Equal(0x01, chip.Magnetometer!.Control & 0x0F); // single-measurement mode
        Assert.Equal(G, source.ReadLatest().Value.AccelerationFrd.Z, 1e-4f); // board Z down, sensor feels +1 g towards board -Z
    }

    [Fact]
    public void Wrong_identity_names_bus_and_address()
    {
        var chip = FakeMpu6xxx.Mpu6500(); // WHO_AM_I 0x70 where an MPU-6050 answers 0x68
        using var source = I2cImuTestRig.Source(I2cImuTestRig.Options(ImuChip.Mpu6050, 8, 1000), I2cImuTestRig.Clock(), chip);

        var ex = Assert.Throws<SensorStartException>(() => source.Open());

        Assert.Contains("Mpu6050 not found on I2C bus 1 (/dev/i2c-1) at address 0x68", ex.Message);
        Assert.Contains("0x68", ex.Message);
        Assert.True(chip.Disposed);
    }

    internal static void AssertClose(Vector3 expected, Vector3 actual, float tolerance)
    {
        Assert.True(Vector3.Distance(expected, actual) <= tolerance, $"expected {expected}, got {actual}");
    }
}
