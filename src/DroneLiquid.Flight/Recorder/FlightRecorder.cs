using System.Buffers;
using DroneLiquid.Flight.Failsafe;
using DroneLiquid.Mavlink.Tlog;

namespace DroneLiquid.Flight.Recorder;

/// <summary>
/// Records one flight into its own folder (named from the UTC start time) under <see cref="FlightRecorderOptions.Directory"/>:
/// <list type="bullet">
/// <item><c>flight.tlog</c>: every MAVLink frame, through <see cref="TlogWriter"/> (opens in QGroundControl and MAVExplorer);</item>
/// <item><c>ticks.dlt</c>: the tick log (format in <see cref="TickLogLayout"/>, read with <see cref="TickLogReader"/>);</item>
/// <item><c>transitions.jsonl</c>: one JSON line per state transition (<see cref="TransitionJson"/>).</item>
/// </list>
/// The tick only copies into preallocated rings (no allocation, no lock, no I/O); a writer thread drains them and
/// pushes the files to disk every <see cref="FlightRecorderOptions.FlushInterval"/>, so a killed process loses at
/// most that much. Old flights are deleted, oldest first, whenever all flights exceed the byte budget (at start
/// and every 10 s); if this flight alone outgrows the budget, recording stops (ticks and MAVLink are discarded and
/// counted, transitions still written) rather than fill the disk. I/O errors are counted and kept in <see cref="LastError"/>, never thrown into the tick:
/// flying matters more than recording.
/// </summary>
public sealed class FlightRecorder : IDisposable
{
    /// <summary>File name of the MAVLink log.</summary>
    public const string TlogFileName = "flight.tlog";

    /// <summary>File name of the tick log.</summary>
    public const string TickLogFileName = "ticks.dlt";

    /// <summary>File name of the transition log.</summary>
    public const string TransitionsFileName = "transitions.jsonl";

    private static readonly TimeSpan RotationInterval = TimeSpan.FromSeconds(10);

    private readonly TimeProvider _time;
    private readonly TimeSpan _flushInterval;
    private readonly long _startTimestamp;
    private readonly TimeSpan _drainPeriod;
    private readonly long _maxTotalBytes;
    private readonly string _root;
    private readonly TickRing _ticks;
    private readonly TransitionRing _transitions = new(256);
    private readonly FileStream _tickFile;
    private readonly FileStream _transitionFile;
    private readonly TlogWriter _tlog;
    private readonly ArrayBufferWriter<byte> _jsonBuffer = new(512);
    private readonly ManualResetEventSlim _stop = new();
    private readonly Thread _writer;
    private long _ticksWritten;
    private long _ticksDiscarded;
    private volatile bool _overBudget;
    private long _errors;
    private int _disposed;

    /// <summary>Creates the flight folder, rotates old flights and starts the writer thread.</summary>
    public FlightRecorder(FlightRecorderOptions options, TickLogLayout layout, TimeProvider? timeProvider = null)
    {
        OptionsCheck.ThrowIfAny(FlightRecorderOptionsValidator.Collect(options));

        ArgumentNullException.ThrowIfNull(layout);
        _time = timeProvider ?? TimeProvider.System;
        _flushInterval = options.FlushInterval;
        _drainPeriod = options.FlushInterval / 5;
        _maxTotalBytes = options.MaxTotalBytes;
        _root = options.Directory;
        Layout = layout;
        StartedUtc = _time.GetUtcNow();
        // Taken here, not on the writer thread: the flush schedule must count from construction even when the
        // thread starts late (a loaded machine, or a fake clock advanced before the thread first runs).
        _startTimestamp = _time.GetTimestamp();
        FolderPath = FlightFolders.Create(_root, StartedUtc);
        DeletedFlights = FlightFolders.Rotate(_root, _maxTotalBytes, FolderPath).Count;
        _ticks = new TickRing(layout, options.RingCapacity);

        _tickFile = new FileStream(Path.Combine(FolderPath, TickLogFileName), FileMode.CreateNew, FileAccess.Write, FileShare.Read, 64 * 1024);
        _tickFile.Write(layout.BuildHeader());
        _transitionFile = new FileStream(Path.Combine(FolderPath, TransitionsFileName), FileMode.CreateNew, FileAccess.Write, FileShare.Read, 4096);
        var tlogStream = new FileStream(Path.Combine(FolderPath, TlogFileName), FileMode.CreateNew, FileAccess.Write, FileShare.Read, 4096);
        _tlog = new TlogWriter(tlogStream, _time, options.FlushInterval);
        _writer = new Thread(WriterLoop) { IsBackground = true, Name = "DroneLiquid flight recorder" };
        _writer.Start();
    }

    /// <summary>This flight's folder.</summary>
    public string FolderPath { get; }

    /// <summary>When the recording started (UTC).</summary>
    public DateTimeOffset StartedUtc { get; }

    /// <summary>The tick log's columns.</summary>
    public TickLogLayout Layout { get; }

    /// <summary>Old flight folders deleted by rotation so far.</summary>
    public int DeletedFlights { get; private set; }

    /// <summary>Ticks accepted by <see cref="EnqueueTick"/>.</summary>
    public long TicksEnqueued => _ticks.Enqueued;

    /// <summary>Ticks dropped because the ring was full (the disk could not keep up).</summary>
    public long TicksDropped => _ticks.Dropped;

    /// <summary>Ticks handed to the file.</summary>
    public long TicksWritten => Volatile.Read(ref _ticksWritten);

    /// <summary>Ticks discarded by the writer because this flight alone outgrew the byte budget.</summary>
    public long TicksDiscarded => Volatile.Read(ref _ticksDiscarded);

    /// <summary>True once this flight alone outgrew <see cref="FlightRecorderOptions.MaxTotalBytes"/>: ticks and MAVLink are no longer written.</summary>
    public bool OverBudget => _overBudget;

    /// <summary>Transitions dropped because their ring was full.</summary>
    public long TransitionsDropped => _transitions.Dropped;

    /// <summary>Failed writes, flushes or rotations.</summary>
    public long Errors => Volatile.Read(ref _errors);

    /// <summary>The most recent failure, or null.</summary>
    public Exception? LastError { get; private set; }

    /// <summary>
    /// Tick thread: queues one tick record (no allocation, no lock). Returns false when the ring is full and the
    /// record was dropped (counted in <see cref="TicksDropped"/>).
    /// </summary>
    public bool EnqueueTick(in TickSample sample, ReadOnlySpan<float> observation, ReadOnlySpan<float> outputs) =>
        _ticks.TryEnqueue(sample, observation, ReadOnlySpan<float>.Empty, outputs);

    /// <summary>As <see cref="EnqueueTick(in TickSample, ReadOnlySpan{float}, ReadOnlySpan{float})"/> with a vision policy's image features.</summary>
    public bool EnqueueTick(in TickSample sample, ReadOnlySpan<float> observation, ReadOnlySpan<float> features, ReadOnlySpan<float> outputs) =>
        _ticks.TryEnqueue(sample, observation, features, outputs);

    /// <summary>Tick thread: queues a state transition (no allocation); pass as the failsafe's transition callback.</summary>
    public bool EnqueueTransition(FailsafeTransition transition) => _transitions.TryEnqueue(transition);

    /// <summary>Link thread: logs one whole MAVLink frame (either direction) with the current time.</summary>
    public bool RecordMavlink(ReadOnlySpan<byte> frame) => !_overBudget && _tlog.Write(frame);

    /// <summary>Stops the writer after a last drain and flush, and closes the files.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stop.Set();
        _writer.Join();
        _tlog.Dispose();
        _tickFile.Dispose();
        _transitionFile.Dispose();
        _stop.Dispose();
    }

    private void WriterLoop()
    {
        long lastFlush = _startTimestamp;
        long lastRotation = lastFlush;
        while (!_stop.Wait(_drainPeriod))
        {
            Guarded(Drain);
            if (_time.GetElapsedTime(lastFlush) >= _flushInterval)
            {
                lastFlush = _time.GetTimestamp();
                Guarded(FlushToDisk);
            }

            if (_time.GetElapsedTime(lastRotation) >= RotationInterval)
            {
                lastRotation = _time.GetTimestamp();
                Guarded(Rotate);
            }
        }

        Guarded(Drain);
        Guarded(FlushToDisk);
    }

    private void Rotate()
    {
        DeletedFlights += FlightFolders.Rotate(_root, _maxTotalBytes, FolderPath).Count;
        if (!_overBudget && FlightFolders.SizeOf(new DirectoryInfo(FolderPath)) > _maxTotalBytes)
        {
            _overBudget = true;
        }
    }

    private void Drain()
    {
        if (_overBudget)
        {
            Interlocked.Add(ref _ticksDiscarded, _ticks.DrainTo(Stream.Null));
        }
        else
        {
            Interlocked.Add(ref _ticksWritten, _ticks.DrainTo(_tickFile));
        }

        while (_transitions.TryDequeue(out var transition))
        {
            _jsonBuffer.ResetWrittenCount();
            TransitionJson.Write(_jsonBuffer, transition);
            _transitionFile.Write(_jsonBuffer.WrittenSpan);
        }
    }

    private void FlushToDisk()
    {
        _tickFile.Flush(flushToDisk: true);
        _transitionFile.Flush(flushToDisk: true);
    }

    private void Guarded(Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            // Reliability over completeness: a full disk must not stop the writer; what the ring holds is retried.
            Interlocked.Increment(ref _errors);
            LastError = ex;
        }
    }
}
