using DroneLiquid.Sensors.Camera.V4l2;

namespace DroneLiquid.Service.Host.Options;

/// <summary>The camera a vision policy reads (section "DroneLiquid:Sensors:Camera"); a state policy opens none.</summary>
public sealed class CameraOptions
{
    /// <summary>V4l2 (default) or SimStream.</summary>
    public CameraSourceKind Source { get; set; } = CameraSourceKind.V4l2;

    /// <summary>The V4L2 device: DevicePath, Width, Height, PixelFormat, StaleAfter.</summary>
    public V4l2CameraOptions V4l2 { get; set; } = new();

    /// <summary>The simulator's camera stream: Host, Port, StaleAfter.</summary>
    public SimStreamCameraOptions SimStream { get; set; } = new();
}
