using DroneLiquid.Mavlink.Connection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DroneLiquid.Mavlink.Tlog;

/// <summary>
/// Reads .tlog records from a stream and survives damage: garbage between records, a record cut short, a frame
/// with a bad checksum. Every skipped byte is counted; nothing throws for bad content.
/// </summary>
/// <remarks>
/// A record at the expected position is taken when the next record lines up behind it (its magic byte is where
/// this frame's length says) or the frame check passes, so a frame with a bad checksum inside an intact log is
/// still returned (the parser then gives its verdict). Otherwise the reader searches byte by byte for a record
/// whose timestamp lies within <see cref="MaxResyncTimestampJump"/> of the last good one and that passes the
/// frame check (or, without a check, lines up with the next record). The buffer is allocated once; reading allocates nothing.
/// </remarks>
public sealed class TlogReader : IDisposable
{
    /// <summary>Timestamps allowed when no record was read yet: 2000-01-01 to 2100-01-01.</summary>
    private const ulong EarliestPlausibleMicroseconds = 946_684_800_000_000;
    private const ulong LatestPlausibleMicroseconds = 4_102_444_800_000_000;
    private const int BufferSize = 64 * 1024;
    private const int MinimumRecordBytes = TlogFormat.TimestampLength + TlogFormat.LengthPrefixLength;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly TlogFrameCheck? _frameCheck;
    private readonly ILogger _logger;
    private readonly string _name;
    private readonly byte[] _buffer = new byte[BufferSize];
    private int _start;
    private int _end;
    private long _bufferFileOffset;
    private bool _endOfStream;
    private bool _inSync = true;
    private long _resyncSkipped;
    private ulong? _lastTimestamp;

    /// <summary>Reads records from <paramref name="stream"/>.</summary>
    /// <param name="stream">The log, positioned at a record boundary.</param>
    /// <param name="frameCheck">Confirms a frame (e.g. its checksum); null to rely on record alignment only.</param>
    /// <param name="name">File name for log messages.</param>
    /// <param name="logger">Where resynchronisations are reported.</param>
    /// <param name="leaveOpen">Whether disposing the reader leaves <paramref name="stream"/> open.</param>
    public TlogReader(Stream stream, TlogFrameCheck? frameCheck = null, string? name = null, ILogger? logger = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _frameCheck = frameCheck;
        _name = name ?? "tlog";
        _logger = logger ?? NullLogger.Instance;
        _leaveOpen = leaveOpen;
    }

    /// <summary>How far a record found while resynchronising may lie from the last good timestamp. Default 1 h.</summary>
    public TimeSpan MaxResyncTimestampJump { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Records returned.</summary>
    public long Records { get; private set; }

    /// <summary>Bytes skipped while searching for the next record.</summary>
    public long SkippedBytes { get; private set; }

    /// <summary>Times the reader lost the record boundary and had to search.</summary>
    public long Resyncs { get; private set; }

    /// <summary>Bytes of an incomplete record at the end of the stream.</summary>
    public long TruncatedBytes { get; private set; }

    /// <summary>Reads the next record; false at the end of the stream. The record's frame is valid until the next call.</summary>
    public bool TryReadNext(out TlogRecord record)
    {
        while (true)
        {
            int available = _end - _start;
            if (available < MinimumRecordBytes && !_endOfStream)
            {
                Fill();
                continue;
            }

            if (available < MinimumRecordBytes)
            {
                FinishAtEnd(available);
                record = default;
                return false;
            }

            ReadOnlySpan<byte> window = _buffer.AsSpan(_start, available);
            if (TlogFormat.TryGetFrameLength(window[TlogFormat.TimestampLength..], out int frameLength))
            {
                int recordLength = TlogFormat.TimestampLength + frameLength;
                if (available < recordLength + MinimumRecordBytes && !_endOfStream)
                {
                    Fill();
                    continue;
                }

                if (available >= recordLength && Accept(window, recordLength))
                {
                    ulong timestamp = TlogFormat.ReadTimestamp(window);
                    record = new TlogRecord(_bufferFileOffset + _start, timestamp, window.Slice(TlogFormat.TimestampLength, frameLength));
                    EndResync();
                    _start += recordLength;
                    _lastTimestamp = timestamp;
                    Records++;
                    return true;
                }

                if (available < recordLength && _inSync)
                {
                    FinishAtEnd(available);
                    record = default;
                    return false;
                }
            }

            if (_inSync)
            {
                _inSync = false;
                Resyncs++;
            }

            _start++;
            _resyncSkipped++;
            SkippedBytes++;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private bool Accept(ReadOnlySpan<byte> window, int recordLength)
    {
        ReadOnlySpan<byte> frame = window.Slice(TlogFormat.TimestampLength, recordLength - TlogFormat.TimestampLength);
        ReadOnlySpan<byte> after = window[recordLength..];
        bool linesUp = after.Length < MinimumRecordBytes || TlogFormat.TryGetFrameLength(after[TlogFormat.TimestampLength..], out _);
        if (_inSync && linesUp)
        {
            return true;
        }

        if (_frameCheck is null)
        {
            return !_inSync && linesUp && IsPlausible(TlogFormat.ReadTimestamp(window));
        }

        bool checkPassed = _frameCheck(frame);
        return _inSync ? checkPassed : checkPassed && IsPlausible(TlogFormat.ReadTimestamp(window));
    }

    private bool IsPlausible(ulong timestamp)
    {
        if (_lastTimestamp is not ulong last)
        {
            return timestamp is >= EarliestPlausibleMicroseconds and <= LatestPlausibleMicroseconds;
        }

        ulong jump = (ulong)MaxResyncTimestampJump.Ticks / TimeSpan.TicksPerMicrosecond;
        ulong distance = timestamp >= last ? timestamp - last : last - timestamp;
        return distance <= jump;
    }

    private void EndResync()
    {
        if (!_inSync)
        {
            _logger.TlogResync(_name, _resyncSkipped, _bufferFileOffset + _start - _resyncSkipped);
            _inSync = true;
            _resyncSkipped = 0;
        }
    }

    private void FinishAtEnd(int available)
    {
        if (available > 0)
        {
            TruncatedBytes += available;
            _start = _end;
        }
    }

    private void Fill()
    {
        if (_start > 0 && _buffer.Length - _end < 2 * TlogFormat.MaxRecordLength)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _bufferFileOffset += _start;
            _end -= _start;
            _start = 0;
        }

        int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _endOfStream = true;
        }

        _end += read;
    }
}
