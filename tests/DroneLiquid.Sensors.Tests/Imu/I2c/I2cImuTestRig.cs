using System.Device.I2c;
using DroneLiquid.Sensors.Imu.I2c;
using DroneLiquid.Sensors.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace DroneLiquid.Sensors.Tests.Imu.I2c;

/// <summary>Builds an <see cref="I2cImuSource"/> over a simulated chip and a fake clock.</summary>
internal static class I2cImuTestRig
{
    public static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero));

    public static I2cImuOptions Options(ImuChip chip, int accelG, int gyroDps, double rateHz = 100) => new()
    {
        Chip = chip,
        BusId = 1,
        AccelerometerRangeG = accelG,
        GyroscopeRangeDegreesPerSecond = gyroDps,
        SampleRateHz = rateHz,
        BoardToBody = "+X,-Y,-Z",
        GyroCalibration = GyroCalibrationMode.None,
    };

    public static I2cImuSource Source(I2cImuOptions options, TimeProvider clock, I2cDevice device, List<I2cConnectionSettings>? opened = null) =>
        new(options, clock, logger: null, settings =>
        {
            opened?.Add(settings);
            return device;
        });

    /// <summary>Opens the source (configures the chip) without starting its thread.</summary>
    public static I2cImuSource Opened(I2cImuOptions options, TimeProvider clock, FakeI2cRegisterDevice device)
    {
        var source = Source(options, clock, device);
        Assert.True(source.Open());
        return source;
    }
}
