namespace DroneLiquid.Sensors.Camera.Recorded;

/// <summary>
/// Writes a recording folder: one file per frame (<c>000001.yuyv</c>, <c>.mjpeg</c> or <c>.rgb24</c>, the raw bytes
/// exactly as captured) and the <c>frames.csv</c> index (see <see cref="RecordedFrameIndex"/>).
/// </summary>
public sealed class RecordedFramesWriter : IDisposable
{
    private readonly string _folder;
    private readonly StreamWriter _index;
    private long _count;

    /// <summary>Creates <paramref name="folder"/> (which must not hold a recording yet) and its index.</summary>
    public RecordedFramesWriter(string folder)
    {
        _folder = folder;
        Directory.CreateDirectory(folder);
        string indexPath = Path.Combine(folder, RecordedFrameIndex.FileName);
        if (File.Exists(indexPath))
        {
            throw new IOException($"'{folder}' already holds a recording ({RecordedFrameIndex.FileName}); choose an empty folder");
        }

        _index = new StreamWriter(indexPath);
        _index.WriteLine("# droneliquid recorded frames v1");
        _index.WriteLine(RecordedFrameIndex.Header);
    }

    /// <summary>Appends one frame captured at <paramref name="timestampMicroseconds"/> on the recording's clock.</summary>
    public void Append(ReadOnlySpan<byte> frame, int width, int height, FramePixelFormat format, long timestampMicroseconds)
    {
        _count++;
        string file = $"{_count:D6}.{RecordedFrameIndex.FormatName(format)}";
        using (var stream = File.Create(Path.Combine(_folder, file)))
        {
            stream.Write(frame);
        }

        _index.WriteLine(RecordedFrameIndex.Line(new RecordedFrameIndex.Entry(_count, timestampMicroseconds, width, height, format, file)));
        _index.Flush();
    }

    /// <inheritdoc/>
    public void Dispose() => _index.Dispose();
}
