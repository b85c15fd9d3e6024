using System.Buffers;
using Iot.Device.Media;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DroneLiquid.Sensors.Camera.V4l2;

/// <summary>
/// A V4L2 camera through Iot.Device.Media.VideoDevice: continuous capture on its own thread, each frame stamped
/// on arrival with the <see cref="TimeProvider"/>, copied into a pooled buffer and offered to the tick as the
/// newest; frames the tick did not take in time are dropped and counted.
/// </summary>
/// <remarks>
/// The binding copies every frame out of its 4 MMAP buffers into a managed array; with
/// <see cref="VideoDevice.ImageBufferPoolingEnabled"/> that array comes from <see cref="ArrayPool{T}.Shared"/> and
/// is returned here after the copy. The binding's own ioctl marshalling and event arguments still allocate a
/// little per frame on the capture thread; the tick's side (acquire and convert) allocates nothing.
/// </remarks>
public sealed class V4l2CameraSource : ICameraSource
{
    private readonly V4l2CameraOptions _options;
    private readonly ILogger _logger;
    private readonly CameraFrameChannel _channel;
    private readonly int _expectedYuyvBytes;
    private VideoDevice? _device;
    private Thread? _captureThread;
    private CancellationTokenSource? _stop;

    /// <summary>Creates a source for the camera described by <paramref name="options"/>; nothing is opened until <see cref="Start"/>.</summary>
    public V4l2CameraSource(V4l2CameraOptions options, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = options.Validate();
        if (failures.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", failures), nameof(options));
        }

        _options = options;
        _logger = logger ?? NullLogger.Instance;
        _channel = new CameraFrameChannel(options.FrameCapacityBytes, timeProvider ?? TimeProvider.System, options.StaleAfter);
        _expectedYuyvBytes = options.Width * options.Height * 2;
    }

    /// <inheritdoc/>
    public string Name => $"{_options.DevicePath} {Width}x{Height} {Format.ToString().ToLowerInvariant()}";

    /// <inheritdoc/>
    public int Width => _options.Width;

    /// <inheritdoc/>
    public int Height => _options.Height;

    /// <inheritdoc/>
    public FramePixelFormat Format => _options.PixelFormat;

    /// <inheritdoc/>
    public CameraCounters Counters => _channel.Counters;

    /// <summary>
    /// Opens the device and starts continuous capture. A missing or unusable device throws
    /// <see cref="SensorStartException"/> naming the path.
    /// </summary>
    public void Start()
    {
        if (_device is not null)
        {
            throw new InvalidOperationException($"camera {Name} is already started");
        }

        var (prefix, index) = V4l2DevicePath.Resolve(_options.DevicePath);
        var format = _options.PixelFormat == FramePixelFormat.Yuyv ? VideoPixelFormat.YUYV : VideoPixelFormat.MJPEG;
        var settings = new VideoConnectionSettings(index, ((uint)_options.Width, (uint)_options.Height), format);
        try
        {
            _device = VideoDevice.Create(settings);
            _device.DevicePath = prefix;
            _device.ImageBufferPoolingEnabled = true;
            _device.NewImageBufferReady += OnNewImageBuffer;
            _device.StartCaptureContinuous();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            _device?.Dispose();
            _device = null;
            throw new SensorStartException($"camera device '{_options.DevicePath}' ({prefix}{index}) cannot capture {Width}x{Height} {Format}: {ex.Message}", ex);
        }

        _stop = new CancellationTokenSource();
        var device = _device;
        var token = _stop.Token;
        _captureThread = new Thread(() => Capture(device, token)) { Name = $"camera {_options.DevicePath}", IsBackground = true };
        _captureThread.Start();
        _logger.CameraStarted(_options.DevicePath, Width, Height, Format.ToString());
    }

    /// <inheritdoc/>
    public void Stop()
    {
        _stop?.Cancel();
        _captureThread?.Join();
        _captureThread = null;
        if (_device is not null)
        {
            _device.NewImageBufferReady -= OnNewImageBuffer;
            _device.StopCaptureContinuous();
            _device.Dispose();
            _device = null;
        }

        _channel.SetFaults(SensorFaults.Stopped, present: true);
    }

    /// <inheritdoc/>
    public CameraReading AcquireLatest() => _channel.AcquireLatest();

    /// <inheritdoc/>
    public void Dispose() => Stop();

    /// <summary>
    /// One frame from the binding: checked, copied into the next pooled buffer, stamped and published; the
    /// binding's pooled array goes back to the pool. Runs on the capture thread.
    /// </summary>
    internal void OnFrame(byte[] buffer, int length, bool returnToPool)
    {
        try
        {
            var data = buffer.AsSpan(0, length);
            bool plausible = _options.PixelFormat == FramePixelFormat.Yuyv
                ? length == _expectedYuyvBytes
                : length >= 4 && length <= _options.MaxMjpegFrameBytes && data[0] == 0xFF && data[1] == 0xD8;
            if (plausible)
            {
                _channel.Publish(data, Width, Height, Format);
            }
            else
            {
                // A short USB transfer or a corrupt JPEG: count it, keep the previous frame as the newest.
                _channel.CountBadFrame();
            }
        }
        finally
        {
            if (returnToPool)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private void OnNewImageBuffer(object sender, NewImageBufferReadyEventArgs e) => OnFrame(e.ImageBuffer, e.Length, returnToPool: true);

    private void Capture(VideoDevice device, CancellationToken token)
    {
        try
        {
            device.CaptureContinuous(token);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            // Errors at the boundary never reach the tick: the camera reports Failed and the frames go stale.
            _channel.CountBadFrame();
            _channel.SetFaults(SensorFaults.ReadErrors, present: true);
            _logger.CameraFailed(_options.DevicePath, ex.Message);
        }
    }
}
