using DroneLiquid.Sensors.Camera;

namespace DroneLiquid.Sensors.Camera.V4l2;

/// <summary>Configuration of a V4L2 camera (section "Sensors:Camera").</summary>
public sealed class V4l2CameraOptions
{
    /// <summary>The device node, <c>/dev/videoN</c>, or a stable symlink to one (<c>/dev/v4l/by-id/...</c>).</summary>
    public string DevicePath { get; set; } = "/dev/video0";

    /// <summary>Frame width, pixels (default 640).</summary>
    public int Width { get; set; } = 640;

    /// <summary>Frame height, pixels (default 480).</summary>
    public int Height { get; set; } = 480;

    /// <summary>Pixel format asked of the camera: YUYV (raw) or MJPEG (default YUYV).</summary>
    public FramePixelFormat PixelFormat { get; set; } = FramePixelFormat.Yuyv;

    /// <summary>A frame older than this is stale (default 200 ms: six frames at 30 fps).</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Largest MJPEG frame accepted, bytes (default 1 MiB); a pooled buffer of this size is kept per slot.</summary>
    public int MaxMjpegFrameBytes { get; set; } = 1 << 20;

    /// <summary>Checks the options; every failure names the key, the value and what is allowed.</summary>
    public List<string> Validate()
    {
        const string Section = "Sensors:Camera";
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(DevicePath))
        {
            failures.Add($"{Section}:DevicePath is empty; expected a V4L2 device node such as /dev/video0");
        }

        if (Width is <= 0 or > 8192 || Height is <= 0 or > 8192)
        {
            failures.Add($"{Section}:Width x Height is {Width}x{Height}; expected 1..8192 each");
        }

        if (PixelFormat == FramePixelFormat.Yuyv && Width % 2 != 0)
        {
            failures.Add($"{Section}:Width is {Width}; YUYV needs an even width");
        }

        if (PixelFormat is not (FramePixelFormat.Yuyv or FramePixelFormat.Mjpeg))
        {
            failures.Add($"{Section}:PixelFormat is {PixelFormat}; allowed: Yuyv, Mjpeg");
        }

        if (StaleAfter <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:StaleAfter is {StaleAfter.TotalMilliseconds} ms; expected more than 0");
        }

        if (MaxMjpegFrameBytes < 1024)
        {
            failures.Add($"{Section}:MaxMjpegFrameBytes is {MaxMjpegFrameBytes}; expected at least 1024");
        }

        return failures;
    }

    /// <summary>Bytes of the largest frame: exact for YUYV, the configured bound for MJPEG.</summary>
    public int FrameCapacityBytes => PixelFormat == FramePixelFormat.Yuyv ? Width * Height * 2 : MaxMjpegFrameBytes;
}
