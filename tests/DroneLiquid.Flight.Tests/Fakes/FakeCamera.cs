using DroneLiquid.Sensors;
using DroneLiquid.Sensors.Camera;

namespace DroneLiquid.Flight.Tests.Fakes;

/// <summary>An RGB24 camera the test feeds by hand through the real <see cref="CameraFrameChannel"/>.</summary>
internal sealed class FakeCamera : ICameraSource
{
    private readonly CameraFrameChannel _channel;
    private readonly byte[] _frame;

    public FakeCamera(TimeProvider time, int width = 64, int height = 48)
    {
        Width = width;
        Height = height;
        _frame = new byte[width * height * 3];
        _channel = new CameraFrameChannel(_frame.Length, time, TimeSpan.FromSeconds(0.5));
    }

    public string Name => $"fake {Width}x{Height} rgb24";

    public int Width { get; }

    public int Height { get; }

    public FramePixelFormat Format => FramePixelFormat.Rgb24;

    public CameraCounters Counters => _channel.Counters;

    /// <summary>Publishes a frame whose bytes depend on <paramref name="seed"/> (no allocation).</summary>
    public void Publish(int seed)
    {
        for (int i = 0; i < _frame.Length; i++)
        {
            _frame[i] = (byte)((i * 31) + (seed * 7));
        }

        _channel.Publish(_frame, Width, Height, FramePixelFormat.Rgb24);
    }

    public void Start()
    {
    }

    public void Stop() => _channel.SetFaults(SensorFaults.Stopped, true);

    public CameraReading AcquireLatest() => _channel.AcquireLatest();

    public void Dispose()
    {
    }
}
