using System.Net;
using System.Net.Sockets;
using System.Numerics;
using DroneLiquid.Sim.Camera;

namespace DroneLiquid.Sim.Autopilot.CameraStream;

/// <summary>
/// Serves rendered camera frames on a local TCP port (<see cref="CameraFrameHeader"/> then RGB bytes) to any number
/// of clients. Only the newest frame matters: a client still busy with the previous frame skips this one (counted),
/// so a slow reader never holds up the simulation.
/// </summary>
public sealed class CameraStreamServer : IAsyncDisposable
{
    /// <summary>The port the camera stream uses unless told otherwise.</summary>
    public const int DefaultPort = 5599;

    private readonly TcpListener _listener;
    private readonly ForwardCamera _camera;
    private readonly byte[] _rgb;
    private readonly float[] _depth;
    private readonly List<Subscriber> _subscribers = [];
    private readonly CancellationTokenSource _stop = new();
    private Task? _accept;
    private uint _sequence;
    private long _skipped;

    public CameraStreamServer(ForwardCamera camera, IPEndPoint bind)
    {
        _camera = camera;
        _listener = new TcpListener(bind);
        _rgb = new byte[camera.RgbLength];
        _depth = new float[camera.DepthLength];
    }

    /// <summary>The bound address (the real port when 0 was asked for).</summary>
    public IPEndPoint LocalEndPoint => (IPEndPoint)_listener.LocalEndpoint;

    public long FramesPublished => _sequence;

    /// <summary>Frames a busy client skipped.</summary>
    public long FramesSkipped => Interlocked.Read(ref _skipped);

    public int ClientCount
    {
        get
        {
            lock (_subscribers)
            {
                return _subscribers.Count;
            }
        }
    }

    public void Start()
    {
        _listener.Start();
        _accept = AcceptLoopAsync(_stop.Token);
    }

    /// <summary>Renders the camera at a pose and sends the frame to every client that is ready for it.</summary>
    public void Publish(double timeSeconds, Vector3 positionNed, Quaternion attitudeFrdToNed)
    {
        _camera.Render(positionNed, attitudeFrdToNed, _rgb, _depth);
        var header = new CameraFrameHeader(_sequence++, (ulong)(timeSeconds * 1e6), positionNed, attitudeFrdToNed,
            (ushort)_camera.Spec.WidthPixels, (ushort)_camera.Spec.HeightPixels, CameraFrameFormat.Rgb24);
        lock (_subscribers)
        {
            for (int i = _subscribers.Count - 1; i >= 0; i--)
            {
                Subscriber s = _subscribers[i];
                if (s.Failed)
                {
                    s.Dispose();
                    _subscribers.RemoveAt(i);
                }
                else if (!s.TryOffer(in header, _rgb))
                {
                    Interlocked.Increment(ref _skipped);
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        if (_accept is not null)
        {
            try
            {
                await _accept;
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // Stopping.
            }
        }

        lock (_subscribers)
        {
            foreach (Subscriber s in _subscribers)
            {
                s.Dispose();
            }

            _subscribers.Clear();
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            Socket socket = await _listener.AcceptSocketAsync(stop);
            socket.NoDelay = true;
            lock (_subscribers)
            {
                _subscribers.Add(new Subscriber(socket, CameraFrameHeader.Length + _rgb.Length));
            }
        }
    }

    /// <summary>One client: a frame buffer and at most one send in flight.</summary>
    private sealed class Subscriber(Socket socket, int frameLength) : IDisposable
    {
        private readonly byte[] _frame = new byte[frameLength];
        private int _busy;

        public bool Failed { get; private set; }

        public bool TryOffer(in CameraFrameHeader header, byte[] rgb)
        {
            if (Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
            {
                return false;
            }

            header.Write(_frame);
            rgb.CopyTo(_frame.AsSpan(CameraFrameHeader.Length));
            _ = SendAsync();
            return true;
        }

        public void Dispose() => socket.Dispose();

        private async Task SendAsync()
        {
            try
            {
                int sent = 0;
                while (sent < _frame.Length)
                {
                    sent += await socket.SendAsync(_frame.AsMemory(sent), SocketFlags.None).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                Failed = true; // the client went away; removed at the next frame
            }
            finally
            {
                Volatile.Write(ref _busy, 0);
            }
        }
    }
}
