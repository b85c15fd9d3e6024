using DroneLiquid.Sim.Autopilot.CameraStream;

namespace DroneLiquid.Service.Host.Options;

/// <summary>The simulator's camera stream (section "DroneLiquid:Sensors:Camera:SimStream").</summary>
public sealed class SimStreamCameraOptions
{
    /// <summary>Host serving the stream (default 127.0.0.1).</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>TCP port (default 5599, what `droneliquid sim` and `sim bridge` serve).</summary>
    public int Port { get; set; } = CameraStreamServer.DefaultPort;

    /// <summary>Frame width the stream sends, pixels (default 128, the simulator camera's).</summary>
    public int Width { get; set; } = 128;

    /// <summary>Frame height the stream sends, pixels (default 96).</summary>
    public int Height { get; set; } = 96;

    /// <summary>A frame older than this is stale (default 200 ms).</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMilliseconds(200);
}
