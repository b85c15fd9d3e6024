namespace DroneLiquid.Mavlink.Tlog;

/// <summary>
/// Writes .tlog records into an in-memory buffer and flushes it to the stream on a schedule (and when it fills),
/// so a crash loses at most one flush interval. Thread-safe; writing allocates nothing. A failed write or flush
/// is counted and kept in <see cref="LastError"/>, never thrown into the caller's receive loop.
/// </summary>
public sealed class TlogWriter : IDisposable
{
    /// <summary>Default flush interval: 1 s.</summary>
    public static readonly TimeSpan DefaultFlushInterval = TimeSpan.FromSeconds(1);

    private const int BufferSize = 64 * 1024;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly TimeProvider _timeProvider;
    private readonly ITimer _flushTimer;
    private readonly Lock _gate = new();
    private readonly byte[] _buffer = new byte[BufferSize];
    private int _used;
    private bool _disposed;

    /// <summary>Creates a writer that flushes every <paramref name="flushInterval"/> on <paramref name="timeProvider"/>'s clock.</summary>
    public TlogWriter(Stream stream, TimeProvider? timeProvider = null, TimeSpan? flushInterval = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        TimeSpan interval = flushInterval ?? DefaultFlushInterval;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero, nameof(flushInterval));
        _stream = stream;
        _leaveOpen = leaveOpen;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _flushTimer = _timeProvider.CreateTimer(static state => ((TlogWriter)state!).Flush(), this, interval, interval);
    }

    /// <summary>Records accepted.</summary>
    public long RecordsWritten { get; private set; }

    /// <summary>Times the buffer reached the stream.</summary>
    public long Flushes { get; private set; }

    /// <summary>Failed writes or flushes (disk full, device removed).</summary>
    public long Errors { get; private set; }

    /// <summary>The most recent write or flush failure, or null.</summary>
    public Exception? LastError { get; private set; }

    /// <summary>Logs <paramref name="frame"/> with the current time.</summary>
    public bool Write(ReadOnlySpan<byte> frame) => Write(TlogFormat.ToUnixMicroseconds(_timeProvider.GetUtcNow()), frame);

    /// <summary>
    /// Logs <paramref name="frame"/> with <paramref name="timestampMicroseconds"/> (Unix epoch). Returns false when
    /// the writer is disposed or the buffer could not be written out; throws only if <paramref name="frame"/> is
    /// not one whole MAVLink frame, since that would make the log unreadable.
    /// </summary>
    public bool Write(ulong timestampMicroseconds, ReadOnlySpan<byte> frame)
    {
        if (!TlogFormat.TryGetFrameLength(frame, out int frameLength) || frameLength != frame.Length)
        {
            throw new ArgumentException(
                $"a tlog record holds exactly one MAVLink frame; got {frame.Length} bytes whose header says {(frameLength > 0 ? frameLength.ToString(System.Globalization.CultureInfo.InvariantCulture) : "no frame")}",
                nameof(frame));
        }

        lock (_gate)
        {
            if (_disposed)
            {
                return false;
            }

            int recordLength = TlogFormat.TimestampLength + frame.Length;
            if (_buffer.Length - _used < recordLength && !WriteOutLocked(flushStream: false))
            {
                return false;
            }

            TlogFormat.WriteTimestamp(_buffer.AsSpan(_used), timestampMicroseconds);
            frame.CopyTo(_buffer.AsSpan(_used + TlogFormat.TimestampLength));
            _used += recordLength;
            RecordsWritten++;
            return true;
        }
    }

    /// <summary>Writes the buffer to the stream and flushes the stream. Called by the schedule; callable any time.</summary>
    public void Flush()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                WriteOutLocked(flushStream: true);
            }
        }
    }

    /// <summary>Flushes what is buffered, stops the schedule and closes the stream unless asked to leave it open.</summary>
    public void Dispose()
    {
        _flushTimer.Dispose();
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            WriteOutLocked(flushStream: true);
            _disposed = true;
            if (!_leaveOpen)
            {
                _stream.Dispose();
            }
        }
    }

    private bool WriteOutLocked(bool flushStream)
    {
        try
        {
            if (_used > 0)
            {
                _stream.Write(_buffer, 0, _used);
                _used = 0;
            }

            if (flushStream)
            {
                _stream.Flush();
            }

            Flushes++;
            return true;
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or NotSupportedException or UnauthorizedAccessException)
        {
            // Keep the buffer: the next flush retries, so a passing error (a full disk being cleaned) loses nothing.
            Errors++;
            LastError = ex;
            return false;
        }
    }
}
