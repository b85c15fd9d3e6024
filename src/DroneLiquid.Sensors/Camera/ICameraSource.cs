namespace DroneLiquid.Sensors.Camera;

/// <summary>
/// A source of camera frames: a V4L2 device, a recording, or the simulator's renderer. Only the newest frame
/// matters; older unread ones are dropped and counted. <see cref="AcquireLatest"/> never blocks and never allocates.
/// </summary>
public interface ICameraSource : IDisposable
{
    /// <summary>A short name for logs and status ("/dev/video0 640x480 yuyv").</summary>
    string Name { get; }

    /// <summary>Width of the frames, pixels.</summary>
    int Width { get; }

    /// <summary>Height of the frames, pixels.</summary>
    int Height { get; }

    /// <summary>Pixel layout of the frames.</summary>
    FramePixelFormat Format { get; }

    /// <summary>Begins capturing. A required source that cannot start throws <see cref="SensorStartException"/>.</summary>
    void Start();

    /// <summary>Stops capturing; health becomes Failed (Stopped).</summary>
    void Stop();

    /// <summary>The newest frame with its age and health; one consumer thread (the tick) only.</summary>
    CameraReading AcquireLatest();

    /// <summary>Totals since start.</summary>
    CameraCounters Counters { get; }
}
