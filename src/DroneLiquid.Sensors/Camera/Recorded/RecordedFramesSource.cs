namespace DroneLiquid.Sensors.Camera.Recorded;

/// <summary>
/// Replays a recording folder as a camera: frames are loaded once at start (so replay reads no files and
/// allocates nothing), then published on a dedicated thread with the recorded intervals between them, paced by
/// the <see cref="TimeProvider"/>. Each published frame carries the replay time as its timestamp and the recorded
/// time in <see cref="CameraFrame.SourceTimestampMicroseconds"/>.
/// </summary>
public sealed class RecordedFramesSource : ICameraSource
{
    /// <summary>Largest recording loaded into memory (512 MiB).</summary>
    public const long MaxRecordingBytes = 512L << 20;

    private readonly string _folder;
    private readonly bool _loop;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _staleAfter;
    private RecordedFrameIndex.Entry[] _entries = [];
    private byte[][] _frames = [];
    private CameraFrameChannel? _channel;
    private PacedThread? _thread;
    private int _next;
    private long _origin;

    /// <summary>Creates a replay of <paramref name="folder"/>; with <paramref name="loop"/> it starts over after the last frame.</summary>
    public RecordedFramesSource(string folder, bool loop = false, TimeSpan? staleAfter = null, TimeProvider? timeProvider = null)
    {
        _folder = folder;
        _loop = loop;
        _staleAfter = staleAfter ?? TimeSpan.FromMilliseconds(200);
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc/>
    public string Name => $"replay {_folder}";

    /// <inheritdoc/>
    public int Width => _entries.Length > 0 ? _entries[0].Width : 0;

    /// <inheritdoc/>
    public int Height => _entries.Length > 0 ? _entries[0].Height : 0;

    /// <inheritdoc/>
    public FramePixelFormat Format => _entries.Length > 0 ? _entries[0].Format : FramePixelFormat.Yuyv;

    /// <summary>Frames in the recording.</summary>
    public int FrameCount => _entries.Length;

    /// <inheritdoc/>
    public CameraCounters Counters => _channel?.Counters ?? default;

    /// <summary>Loads and checks every frame, then starts the replay; errors name the file and what is wrong.</summary>
    public void Start()
    {
        if (_channel is not null)
        {
            throw new InvalidOperationException($"{Name} is already started");
        }

        _entries = [.. RecordedFrameIndex.Read(_folder)];
        _frames = new byte[_entries.Length][];
        long total = 0;
        for (int i = 0; i < _entries.Length; i++)
        {
            var entry = _entries[i];
            string path = Path.Combine(_folder, entry.File);
            if (!File.Exists(path))
            {
                throw new SensorStartException($"recording '{_folder}': frame {entry.Sequence} names '{entry.File}', which does not exist");
            }

            var bytes = File.ReadAllBytes(path);
            total += bytes.Length;
            if (total > MaxRecordingBytes)
            {
                throw new SensorStartException($"recording '{_folder}' is larger than {MaxRecordingBytes >> 20} MiB at frame {entry.Sequence}; split it");
            }

            CheckFrame(entry, bytes);
            _frames[i] = bytes;
        }

        int capacity = 1;
        foreach (var frame in _frames)
        {
            capacity = Math.Max(capacity, frame.Length);
        }

        _channel = new CameraFrameChannel(capacity, _timeProvider, _staleAfter);
        _origin = _timeProvider.GetTimestamp();
        _thread = new PacedThread($"replay {_folder}", _timeProvider, TimeSpan.Zero, Step);
    }

    /// <inheritdoc/>
    public void Stop()
    {
        _thread?.Dispose();
        _thread = null;
        _channel?.SetFaults(SensorFaults.Stopped, present: true);
    }

    /// <inheritdoc/>
    public CameraReading AcquireLatest() =>
        _channel?.AcquireLatest() ?? new CameraReading(null, false, double.PositiveInfinity, SensorFaults.NoData);

    /// <inheritdoc/>
    public void Dispose() => Stop();

    private TimeSpan Step()
    {
        int i = _next;
        var entry = _entries[i];
        _channel!.Publish(_frames[i], entry.Width, entry.Height, entry.Format, entry.TimestampMicroseconds);
        _next = i + 1;
        if (_next == _entries.Length)
        {
            if (!_loop)
            {
                // The last frame stays the newest and goes stale: a replay that ended looks like a camera that stopped.
                return Timeout.InfiniteTimeSpan;
            }

            // The next pass starts one (last) frame interval after the last frame.
            long lastInterval = i > 0 ? entry.TimestampMicroseconds - _entries[i - 1].TimestampMicroseconds : 0;
            _origin += MicrosecondsToTicks(entry.TimestampMicroseconds - _entries[0].TimestampMicroseconds + lastInterval);
            _next = 0;
        }

        // Due times are measured from the start of the pass, so the replay keeps the recorded pace without drift.
        long due = _origin + MicrosecondsToTicks(_entries[_next].TimestampMicroseconds - _entries[0].TimestampMicroseconds);
        long delay = Math.Max(0, due - _timeProvider.GetTimestamp());
        return TimeSpan.FromSeconds((double)delay / _timeProvider.TimestampFrequency);
    }

    private long MicrosecondsToTicks(long microseconds) => (long)(microseconds * (_timeProvider.TimestampFrequency / 1e6));

    private void CheckFrame(RecordedFrameIndex.Entry entry, byte[] bytes)
    {
        int expected = entry.Format switch
        {
            FramePixelFormat.Yuyv => entry.Width * entry.Height * 2,
            FramePixelFormat.Rgb24 => entry.Width * entry.Height * 3,
            _ => -1,
        };
        if (expected >= 0 && bytes.Length != expected)
        {
            throw new SensorStartException($"recording '{_folder}': '{entry.File}' holds {bytes.Length} bytes; a {entry.Width}x{entry.Height} {entry.Format} frame is {expected}");
        }

        if (entry.Format == FramePixelFormat.Mjpeg && (bytes.Length < 4 || bytes[0] != 0xFF || bytes[1] != 0xD8))
        {
            throw new SensorStartException($"recording '{_folder}': '{entry.File}' is not a JPEG (no FF D8 start marker)");
        }
    }
}
