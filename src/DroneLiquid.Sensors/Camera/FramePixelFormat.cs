namespace DroneLiquid.Sensors.Camera;

/// <summary>How the bytes of a camera frame are laid out.</summary>
public enum FramePixelFormat
{
    /// <summary>YUV 4:2:2 packed as Y0 U Y1 V (V4L2 "YUYV", FourCC YUY2), BT.601 limited range; 2 bytes per pixel.</summary>
    Yuyv,

    /// <summary>One JPEG image per frame (V4L2 "MJPG").</summary>
    Mjpeg,

    /// <summary>Packed 8-bit R G B, 3 bytes per pixel (renderers, replays).</summary>
    Rgb24,
}
