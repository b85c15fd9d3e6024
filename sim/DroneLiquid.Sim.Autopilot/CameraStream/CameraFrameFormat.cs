namespace DroneLiquid.Sim.Autopilot.CameraStream;

/// <summary>Pixel format of a camera-stream frame.</summary>
public enum CameraFrameFormat : byte
{
    /// <summary>8-bit red, green, blue per pixel, rows top to bottom.</summary>
    Rgb24 = 1,
}
