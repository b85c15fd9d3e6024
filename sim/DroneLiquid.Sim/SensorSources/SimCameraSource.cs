using DroneLiquid.Sensors;
using DroneLiquid.Sensors.Camera;
using DroneLiquid.Sim.Camera;
using DroneLiquid.Sim.Simulation;

namespace DroneLiquid.Sim.SensorSources;

/// <summary>
/// The simulator's forward camera as an <see cref="ICameraSource"/>: at <see cref="SimSourceOptions.CameraRateHz"/> of
/// simulated time it renders the world from the vehicle's pose (RGB24) and publishes the frame into a
/// <see cref="CameraFrameChannel"/> on the simulated clock, so a frame's timestamp is the simulated moment its pose
/// was taken. The tick acquires frames exactly as from a V4L2 camera; only the newest counts.
/// </summary>
/// <remarks>
/// Lockstep, like <see cref="SimImuSource"/>: with <see cref="SimSourceOptions.PumpOnRead"/> the tick's
/// <see cref="AcquireLatest"/> renders a frame when one is due; otherwise the stepping thread calls <see cref="Pump"/>.
/// A frame and depth buffer are allocated once; rendering and publishing allocate nothing.
/// </remarks>
public sealed class SimCameraSource : ICameraSource
{
    private readonly SimWorld _world;
    private readonly SimSourceOptions _options;
    private readonly CameraFrameChannel _channel;
    private readonly byte[] _rgb;
    private readonly float[] _depthMetres;
    private readonly double _periodSeconds;
    private double _nextFrameSeconds;
    private bool _started;

    /// <summary>Creates a source on <paramref name="world"/>'s camera; the scenario must have one.</summary>
    public SimCameraSource(SimWorld world, SimSourceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        _options = options ?? new SimSourceOptions();
        _options.Validate();
        ForwardCamera camera = world.Camera
            ?? throw new ArgumentException("the scenario has no camera: add a \"camera\" section (width_px, height_px, hfov_rad) to use SimCameraSource", nameof(world));
        _world = world;
        Width = camera.Spec.WidthPixels;
        Height = camera.Spec.HeightPixels;
        _rgb = new byte[camera.RgbLength];
        _depthMetres = new float[camera.DepthLength];
        _channel = new CameraFrameChannel(camera.RgbLength, world.Clock, _options.StaleAfter);
        _periodSeconds = 1.0 / _options.CameraRateHz;
        Name = $"sim camera {Width}x{Height} rgb24 {_options.CameraRateHz:0.#} Hz";
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public int Width { get; }

    /// <inheritdoc/>
    public int Height { get; }

    /// <inheritdoc/>
    public FramePixelFormat Format => FramePixelFormat.Rgb24;

    /// <inheritdoc/>
    public CameraCounters Counters => _channel.Counters;

    /// <summary>Depth of the last rendered frame, metres along the optical axis, row-major (valid until the next render).</summary>
    public ReadOnlySpan<float> LastDepthMetres => _depthMetres;

    /// <summary>Begins rendering; the first frame is rendered at once.</summary>
    public void Start()
    {
        if (_channel.ProducerFaults.HasFlag(SensorFaults.Stopped))
        {
            throw new InvalidOperationException($"camera {Name} was stopped; create a new source to start again");
        }

        _started = true;
        _nextFrameSeconds = _world.ElapsedSeconds;
        Pump();
    }

    /// <inheritdoc/>
    public void Stop()
    {
        _started = false;
        _channel.SetFaults(SensorFaults.Stopped, present: true);
    }

    /// <inheritdoc/>
    public CameraReading AcquireLatest()
    {
        if (_options.PumpOnRead)
        {
            Pump();
        }

        return _channel.AcquireLatest();
    }

    /// <summary>Renders and publishes a frame if one is due at the world's current time; true when one was.</summary>
    public bool Pump()
    {
        double now = _world.ElapsedSeconds;
        if (!_started || now + 1e-9 < _nextFrameSeconds)
        {
            return false;
        }

        // Whole periods, so the rate does not drift; after a long step, skip the missed frames instead of bursting.
        _nextFrameSeconds += _periodSeconds;
        if (_nextFrameSeconds <= now + 1e-9)
        {
            _nextFrameSeconds = now + _periodSeconds;
        }

        _world.RenderCamera(_rgb, _depthMetres);
        _channel.Publish(_rgb, Width, Height, FramePixelFormat.Rgb24, sourceTimestampMicroseconds: (long)Math.Round(now * 1e6));
        return true;
    }

    /// <inheritdoc/>
    public void Dispose() => Stop();
}
