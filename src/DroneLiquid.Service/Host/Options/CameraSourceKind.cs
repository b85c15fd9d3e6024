namespace DroneLiquid.Service.Host.Options;

/// <summary>Where a vision policy's frames come from (a state policy opens no camera).</summary>
public enum CameraSourceKind
{
    /// <summary>A V4L2 device (USB or CSI camera through the kernel's video driver).</summary>
    V4l2,

    /// <summary>The simulator's camera stream on TCP (served by `droneliquid sim` and `sim bridge`).</summary>
    SimStream,
}
