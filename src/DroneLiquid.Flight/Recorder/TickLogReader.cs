namespace DroneLiquid.Flight.Recorder;

/// <summary>
/// Reads a tick log written by the flight recorder: the header's layout, then every whole record in order. A torn
/// last record (the writer was killed mid-write) is ignored and reported in <see cref="TrailingBytes"/>.
/// </summary>
public sealed class TickLogReader : IDisposable
{
    private readonly Stream _stream;
    private readonly byte[] _record;

    private TickLogReader(Stream stream, TickLogLayout layout, long recordCount, long trailingBytes)
    {
        _stream = stream;
        Layout = layout;
        RecordCount = recordCount;
        TrailingBytes = trailingBytes;
        _record = new byte[layout.RecordSize];
    }

    /// <summary>The columns.</summary>
    public TickLogLayout Layout { get; }

    /// <summary>Whole records in the file.</summary>
    public long RecordCount { get; }

    /// <summary>Bytes after the last whole record (a torn record), 0 for a cleanly closed log.</summary>
    public long TrailingBytes { get; }

    /// <summary>Opens <paramref name="path"/>; throws <see cref="InvalidDataException"/> naming the file when the header is bad.</summary>
    public static TickLogReader Open(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        try
        {
            var (layout, headerSize) = TickLogLayout.ReadHeader(stream, path);
            long body = stream.Length - headerSize;
            return new TickLogReader(stream, layout, body / layout.RecordSize, body % layout.RecordSize);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Every whole record from the start, in order.</summary>
    public IEnumerable<TickLogRecord> ReadAll()
    {
        _stream.Position = _stream.Length - (RecordCount * Layout.RecordSize) - TrailingBytes;
        for (long i = 0; i < RecordCount; i++)
        {
            _stream.ReadExactly(_record);
            yield return Layout.Decode(_record);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _stream.Dispose();
}
