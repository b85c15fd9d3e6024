using System.Device.I2c;

namespace DroneLiquid.Sensors.Imu.I2c;

/// <summary>Opens the bus device and the chip's driver, turning every failure into one sentence naming bus and address.</summary>
internal static class I2cImuDriverFactory
{
    public static IImuDriver Open(I2cImuOptions options, Func<I2cConnectionSettings, I2cDevice> openDevice)
    {
        int address = options.EffectiveAddress;
        string where = $"I2C bus {options.BusId} (/dev/i2c-{options.BusId}) at address 0x{address:X2}";
        I2cDevice device;
        try
        {
            device = openDevice(new I2cConnectionSettings(options.BusId, address));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PlatformNotSupportedException or ArgumentException)
        {
            throw new SensorStartException($"IMU {options.Chip} on {where}: cannot open the bus: {ex.Message}", ex);
        }

        try
        {
            return options.Chip switch
            {
                ImuChip.Bno055 => new Bno055Driver(device),
                ImuChip.Lsm9Ds1 => new Lsm9Ds1Driver(device, options.AccelerometerRangeG, options.GyroscopeRangeDegreesPerSecond),
                _ => new Mpu6xxxDriver(device, options.Chip, options.AccelerometerRangeG, options.GyroscopeRangeDegreesPerSecond, options.SampleRateHz),
            };
        }
        catch (Exception ex)
        {
            // The bindings throw IOException for a NACK or a wrong identity, and plain Exception (BNO055) for a wrong chip id.
            device.Dispose();
            throw new SensorStartException($"IMU {options.Chip} not found on {where}: {ex.Message}", ex);
        }
    }
}
