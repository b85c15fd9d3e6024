using System.Numerics;
using DroneLiquid.Sensors.Imu;
using DroneLiquid.Sensors.Imu.I2c;
using DroneLiquid.Sensors.Tests.Fakes;

namespace DroneLiquid.Sensors.Tests.Imu.I2c;

public class Lsm9Ds1DriverTests
{
    [Fact]
    public void Configures_scales_and_applies_datasheet_sensitivities()
    {
        var chip = new FakeLsm9Ds1();
        using var source = I2cImuTestRig.Opened(I2cImuTestRig.Options(ImuChip.Lsm9Ds1, 16, 245), I2cImuTestRig.Clock(), chip);
        // Datasheet: ±16 g is 0.732 mg/LSB, ±245 °/s is 8.75 mdps/LSB.
        chip.SetAccelerometerRaw(0, 0, 1000);
        chip.SetGyroscopeRaw(1000, 0, 0);

        source.SampleOnce();
        var sample = source.ReadLatest().Value;

        Assert.Equal((0b011 << 5) | (0b01 << 3), chip[FakeLsm9Ds1.CtrlReg6Xl]); // 119 Hz, FS_XL ±16 g
        Assert.Equal(0b011 << 5, chip[FakeLsm9Ds1.CtrlReg1G]); // 119 Hz, FS_G ±245 °/s
        Mpu6xxxDriverTests.AssertClose(new Vector3(0, 0, -0.732f * ImuUnits.StandardGravityMetresPerSecondSquared), sample.AccelerationFrd, 1e-4f);
        Mpu6xxxDriverTests.AssertClose(new Vector3(8.75f * MathF.PI / 180, 0, 0), sample.AngularRateFrd, 1e-5f);
        Assert.False(sample.HasTemperature);
    }

    [Fact]
    public void Checks_WHO_AM_I_which_the_binding_does_not()
    {
        var chip = new FakeLsm9Ds1(whoAmI: 0x3D); // an LIS3MDL-style answer
        using var source = I2cImuTestRig.Source(I2cImuTestRig.Options(ImuChip.Lsm9Ds1, 2, 500), I2cImuTestRig.Clock(), chip);

        var ex = Assert.Throws<SensorStartException>(() => source.Open());

        Assert.Contains("I2C bus 1 (/dev/i2c-1) at address 0x6A", ex.Message);
        Assert.Contains("reads 0x3D", ex.Message);
    }
}
