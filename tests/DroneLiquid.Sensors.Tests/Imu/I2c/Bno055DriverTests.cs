using System.Numerics;
using DroneLiquid.Sensors.Imu;
using DroneLiquid.Sensors.Imu.I2c;
using DroneLiquid.Sensors.Tests.Fakes;

namespace DroneLiquid.Sensors.Tests.Imu.I2c;

public class Bno055DriverTests
{
    [Fact]
    public void Runs_in_AMG_mode_with_SI_units_and_reads_SI_FRD()
    {
        var chip = new FakeBno055();
        var options = I2cImuTestRig.Options(ImuChip.Bno055, 4, 2000);
        options.BoardToBody = "+X,+Y,+Z";
        using var source = I2cImuTestRig.Opened(options, I2cImuTestRig.Clock(), chip);
        // 100 LSB per m/s², 16 LSB per °/s (UNIT_SEL m/s² and °/s).
        chip.SetAccelerometerRaw(-150, 0, 981);
        chip.SetGyroscopeRaw(0, 16 * 45, 0);
        chip[FakeBno055.Temp] = 27;

        Assert.True(source.SampleOnce());
        var sample = source.ReadLatest().Value;

        Assert.Equal(0x07, chip[FakeBno055.OprMode]); // AMG: raw accelerometer, magnetometer and gyroscope
        Assert.Equal(0x00, chip[FakeBno055.UnitSel] & 0x07); // m/s², °/s, degrees
        Mpu6xxxDriverTests.AssertClose(new Vector3(-1.5f, 0, 9.81f), sample.AccelerationFrd, 1e-5f);
        Mpu6xxxDriverTests.AssertClose(new Vector3(0, MathF.PI / 4, 0), sample.AngularRateFrd, 1e-6f);
        Assert.Equal(27f, sample.TemperatureCelsius);
    }

    [Fact]
    public void Another_chip_at_the_address_is_a_clear_start_error()
    {
        var chip = new FakeBno055();
        chip[FakeBno055.ChipId] = 0x55;
        var options = I2cImuTestRig.Options(ImuChip.Bno055, 4, 2000);
        options.Address = 0x29;
        using var source = I2cImuTestRig.Source(options, I2cImuTestRig.Clock(), chip);

        var ex = Assert.Throws<SensorStartException>(() => source.Open());

        Assert.StartsWith("IMU Bno055 not found on I2C bus 1 (/dev/i2c-1) at address 0x29", ex.Message);
    }
}
