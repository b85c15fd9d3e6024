namespace DroneLiquid.Service.Host.Options;

/// <summary>Sensors on the companion computer (section "DroneLiquid:Sensors").</summary>
public sealed class SensorsOptions
{
    public CameraOptions Camera { get; set; } = new();

    public ImuOptions Imu { get; set; } = new();
}
