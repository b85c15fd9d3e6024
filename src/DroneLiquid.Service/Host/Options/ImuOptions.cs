using DroneLiquid.Sensors.Imu.I2c;

namespace DroneLiquid.Service.Host.Options;

/// <summary>The IMU (section "DroneLiquid:Sensors:Imu").</summary>
public sealed class ImuOptions
{
    /// <summary>Mavlink (default: the autopilot's IMU) or I2c.</summary>
    public ImuSourceKind Source { get; set; } = ImuSourceKind.Mavlink;

    /// <summary>The I2C chip when <see cref="Source"/> is I2c: Chip, BusId, Address, ranges, SampleRateHz, BoardToBody, calibration.</summary>
    public I2cImuOptions I2c { get; set; } = new();
}
