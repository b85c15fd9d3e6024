using DroneLiquid.Sensors;
using DroneLiquid.Sensors.Camera;

namespace DroneLiquid.Sim.Autopilot.CameraStream;

/// <summary>
/// The camera of <c>droneliquid sim</c> or <c>sim bridge</c> seen over its TCP stream, as an <see cref="ICameraSource"/>:
/// a vision policy flying real PX4/ArduPilot SITL (or our emulator in another process) reads it like a V4L2 camera.
/// A reader task receives frames into one buffer and publishes each into the tick's <see cref="CameraFrameChannel"/>;
/// a lost stream is reported (ReadErrors) and reconnected with backoff, a malformed frame is counted and the stream reopened.
/// </summary>
public sealed class SimStreamCameraSource : ICameraSource
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(2);
    private readonly string _host;
    private readonly int _port;
    private readonly TimeProvider _time;
    private readonly CameraFrameChannel _channel;
    private readonly byte[] _rgb;
    private CancellationTokenSource? _stop;
    private Task? _reader;

    /// <param name="widthPixels">Expected frame width; a frame of another size is counted as bad.</param>
    /// <param name="heightPixels">Expected frame height.</param>
    /// <param name="staleAfter">Age after which the newest frame is reported stale.</param>
    public SimStreamCameraSource(string host, int port, int widthPixels, int heightPixels, TimeSpan staleAfter, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        ArgumentOutOfRangeException.ThrowIfLessThan(widthPixels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(heightPixels, 1);
        _host = host;
        _port = port;
        _time = timeProvider ?? TimeProvider.System;
        Width = widthPixels;
        Height = heightPixels;
        _rgb = new byte[widthPixels * heightPixels * 3];
        _channel = new CameraFrameChannel(_rgb.Length, _time, staleAfter);
        Name = $"sim camera stream tcp://{host}:{port} {widthPixels}x{heightPixels} rgb24";
    }

    public string Name { get; }

    public int Width { get; }

    public int Height { get; }

    public FramePixelFormat Format => FramePixelFormat.Rgb24;

    public CameraCounters Counters => _channel.Counters;

    /// <summary>Connects once (a stream that is not there at start is a start error), then reads in the background.</summary>
    public void Start()
    {
        if (_reader is not null)
        {
            return;
        }

        var client = new CameraStreamClient();
        try
        {
            client.ConnectAsync(_host, _port).GetAwaiter().GetResult();
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            client.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw new SensorStartException($"{Name}: cannot connect ({ex.SocketErrorCode}); is 'droneliquid sim' or 'sim bridge' running?", ex);
        }

        _channel.SetFaults(SensorFaults.Stopped, present: false);
        _stop = new CancellationTokenSource();
        _reader = Task.Run(() => ReadLoopAsync(client, _stop.Token));
    }

    public void Stop()
    {
        _stop?.Cancel();
        try
        {
            _reader?.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
            // The loop ends by cancellation; nothing else escapes it.
        }

        _reader = null;
        _channel.SetFaults(SensorFaults.Stopped, present: true);
    }

    public CameraReading AcquireLatest() => _channel.AcquireLatest();

    public void Dispose()
    {
        Stop();
        _stop?.Dispose();
    }

    private async Task ReadLoopAsync(CameraStreamClient client, CancellationToken cancellationToken)
    {
        var backoff = TimeSpan.FromMilliseconds(100);
        bool connected = true;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                while (connected)
                {
                    CameraFrameHeader header = await client.ReadFrameAsync(_rgb, cancellationToken).ConfigureAwait(false);
                    if (header.WidthPixels != Width || header.HeightPixels != Height)
                    {
                        _channel.CountBadFrame();
                        continue;
                    }

                    _channel.Publish(_rgb.AsSpan(0, header.PayloadLength), Width, Height, FramePixelFormat.Rgb24, (long)header.TimestampMicroseconds);
                    _channel.SetFaults(SensorFaults.ReadErrors, present: false);
                    backoff = TimeSpan.FromMilliseconds(100);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or System.Net.Sockets.SocketException or IOException)
            {
                // A malformed frame or a lost stream: report it, then reopen the stream; the tick keeps flying on staleness.
                _channel.CountBadFrame();
                _channel.SetFaults(SensorFaults.ReadErrors, present: true);
            }

            await client.DisposeAsync().ConfigureAwait(false);
            client = new CameraStreamClient();
            connected = false;
            try
            {
                await Task.Delay(backoff, _time, cancellationToken).ConfigureAwait(false);
                backoff = backoff * 2 < MaxBackoff ? backoff * 2 : MaxBackoff;
                await client.ConnectAsync(_host, _port, cancellationToken).ConfigureAwait(false);
                connected = true;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (System.Net.Sockets.SocketException)
            {
                // Not back yet: the next pass waits longer.
            }
        }

        await client.DisposeAsync().ConfigureAwait(false);
    }
}
