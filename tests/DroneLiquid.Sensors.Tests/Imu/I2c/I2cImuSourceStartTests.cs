using System.Device.I2c;
using DroneLiquid.Sensors.Imu.I2c;
using DroneLiquid.Sensors.Tests.Fakes;

namespace DroneLiquid.Sensors.Tests.Imu.I2c;

/// <summary>What happens when the chip is missing at start, and the real bus boundary.</summary>
public class I2cImuSourceStartTests
{
    [Fact]
    public void A_required_chip_that_does_not_answer_is_one_error_naming_bus_and_address()
    {
        var chip = FakeMpu6xxx.Mpu6050(busId: 3, address: 0x69);
        chip.Nack = true;
        var options = I2cImuTestRig.Options(ImuChip.Mpu6050, 8, 1000);
        options.BusId = 3;
        options.Address = 0x69;
        using var source = I2cImuTestRig.Source(options, I2cImuTestRig.Clock(), chip);

        var ex = Assert.Throws<SensorStartException>(source.Start);

        Assert.StartsWith("IMU Mpu6050 not found on I2C bus 3 (/dev/i2c-3) at address 0x69: Error 121", ex.Message);
    }

    [Fact]
    public void An_optional_chip_that_is_missing_reports_failed_not_found()
    {
        var chip = FakeMpu6xxx.Mpu6050();
        chip.Nack = true;
        var options = I2cImuTestRig.Options(ImuChip.Mpu6050, 8, 1000);
        options.Required = false;
        using var source = I2cImuTestRig.Source(options, I2cImuTestRig.Clock(), chip);

        source.Start();

        var reading = source.ReadLatest();
        Assert.Equal(SensorHealth.Failed, reading.Health);
        Assert.Equal(SensorFaults.NotFound | SensorFaults.NoData, reading.Faults);
    }

    [Fact]
    public void A_bus_that_does_not_exist_on_this_machine_is_named_in_the_error()
    {
        // The real System.Device.Gpio I2C device on a bus number no machine has.
        var options = I2cImuTestRig.Options(ImuChip.Mpu6050, 8, 1000);
        options.BusId = 250;
        using var source = new I2cImuSource(options, I2cImuTestRig.Clock());

        var ex = Assert.Throws<SensorStartException>(source.Start);

        Assert.Contains("I2C bus 250 (/dev/i2c-250) at address 0x68", ex.Message);
    }

    [Fact]
    public void Invalid_options_are_refused_with_every_reason()
    {
        var options = I2cImuTestRig.Options(ImuChip.Lsm9Ds1, 3, 1000, rateHz: 400);
        options.BoardToBody = "+X,+X,-Z";

        var ex = Assert.Throws<ArgumentException>(() => new I2cImuSource(options));

        Assert.Contains("Sensors:Imu:AccelerometerRangeG is 3; allowed for Lsm9Ds1: 2, 4, 8, 16", ex.Message);
        Assert.Contains("Sensors:Imu:GyroscopeRangeDegreesPerSecond is 1000; allowed for Lsm9Ds1: 245, 500, 2000", ex.Message);
        Assert.Contains("Sensors:Imu:SampleRateHz is 400; allowed for Lsm9Ds1: more than 0 and at most 119 Hz", ex.Message);
        Assert.Contains("Sensors:Imu:BoardToBody: '+X,+X,-Z' uses a board axis twice", ex.Message);
    }

    [Fact]
    public void Disposing_the_source_disposes_the_bus_device()
    {
        var chip = FakeMpu6xxx.Mpu6500();
        var source = I2cImuTestRig.Opened(I2cImuTestRig.Options(ImuChip.Mpu6500, 8, 1000), I2cImuTestRig.Clock(), chip);

        source.Dispose();

        Assert.True(chip.Disposed);
    }
}
