using DroneLiquid.Sensors.Imu.I2c;

namespace DroneLiquid.Sensors.Tests.Imu.I2c;

public class I2cImuOptionsValidatorTests
{
    [Fact]
    public void Defaults_with_a_calibration_file_are_valid()
    {
        var options = new I2cImuOptions { CalibrationFile = "/var/lib/droneliquid/gyro.json" };

        Assert.True(new I2cImuOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Every_failure_is_reported_with_key_value_and_allowed()
    {
        var options = new I2cImuOptions
        {
            Chip = ImuChip.Bno055,
            Address = 0x80,
            AccelerometerRangeG = 8,
            SampleRateHz = 0,
            StaleAfter = TimeSpan.FromSeconds(1),
            FrozenAfter = TimeSpan.FromMilliseconds(500),
            FailuresBeforeUnhealthy = 0,
            CalibrationFile = " ",
        };

        var failures = I2cImuOptionsValidator.Collect(options);

        Assert.Equal(
        [
            "Sensors:Imu:Address is 0x80; expected a 7-bit address 0x03..0x77",
            "Sensors:Imu:AccelerometerRangeG is 8; allowed for Bno055: 4",
            "Sensors:Imu:GyroscopeRangeDegreesPerSecond is 1000; allowed for Bno055: 2000",
            "Sensors:Imu:SampleRateHz is 0; allowed for Bno055: more than 0 and at most 100 Hz (the chip's output rate)",
            "Sensors:Imu:FrozenAfter is 500 ms; expected more than StaleAfter (1000 ms)",
            "Sensors:Imu:FailuresBeforeUnhealthy is 0; expected at least 1",
            "Sensors:Imu:CalibrationFile is empty; required when GyroCalibration is LoadOrCalibrate (or set GyroCalibration to None)",
        ], failures);
    }
}
