using System.Globalization;
using System.Text;

namespace DroneLiquid.Sensors.Camera.Recorded;

/// <summary>
/// The index of a recording folder, <c>frames.csv</c>: a header line, then one line per frame
/// <c>sequence,timestamp_us,width,height,format,file</c> (format yuyv, mjpeg or rgb24; file relative to the folder).
/// Lines starting with '#' are comments.
/// </summary>
public static class RecordedFrameIndex
{
    /// <summary>The index file's name inside a recording folder.</summary>
    public const string FileName = "frames.csv";

    /// <summary>The column header line.</summary>
    public const string Header = "sequence,timestamp_us,width,height,format,file";

    /// <summary>One indexed frame.</summary>
    /// <param name="Sequence">The frame's sequence number at recording time.</param>
    /// <param name="TimestampMicroseconds">When it was captured, µs on the recording's clock.</param>
    /// <param name="Width">Pixels.</param>
    /// <param name="Height">Pixels.</param>
    /// <param name="Format">Pixel layout.</param>
    /// <param name="File">Frame file, relative to the folder.</param>
    public readonly record struct Entry(long Sequence, long TimestampMicroseconds, int Width, int Height, FramePixelFormat Format, string File);

    /// <summary>Reads and checks the index; errors name the file, the line and the field.</summary>
    public static List<Entry> Read(string folder)
    {
        string path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            throw new SensorStartException($"recording '{folder}' has no {FileName}; expected a folder written by RecordedFramesWriter");
        }

        var entries = new List<Entry>();
        int lineNumber = 0;
        bool headerSeen = false;
        foreach (string raw in File.ReadLines(path))
        {
            lineNumber++;
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (!headerSeen)
            {
                if (line != Header)
                {
                    throw Bad(path, lineNumber, $"header is '{line}'; expected '{Header}'");
                }

                headerSeen = true;
                continue;
            }

            var f = line.Split(',');
            if (f.Length != 6)
            {
                throw Bad(path, lineNumber, $"has {f.Length} fields; expected 6 ({Header})");
            }

            var entry = new Entry(
                Number(path, lineNumber, "sequence", f[0]),
                Number(path, lineNumber, "timestamp_us", f[1]),
                (int)Number(path, lineNumber, "width", f[2]),
                (int)Number(path, lineNumber, "height", f[3]),
                ParseFormat(path, lineNumber, f[4]),
                f[5]);
            if (entries.Count > 0 && entry.TimestampMicroseconds < entries[^1].TimestampMicroseconds)
            {
                throw Bad(path, lineNumber, $"timestamp_us {entry.TimestampMicroseconds} is earlier than the previous frame's {entries[^1].TimestampMicroseconds}");
            }

            if (entries.Count > 0 && (entry.Width, entry.Height, entry.Format) != (entries[0].Width, entries[0].Height, entries[0].Format))
            {
                throw Bad(path, lineNumber, $"frame is {entry.Width}x{entry.Height} {entry.Format}; the recording started as {entries[0].Width}x{entries[0].Height} {entries[0].Format}");
            }

            entries.Add(entry);
        }

        if (entries.Count == 0)
        {
            throw new SensorStartException($"recording index '{path}' lists no frames");
        }

        return entries;
    }

    /// <summary>The index line of <paramref name="entry"/>.</summary>
    public static string Line(Entry entry) => string.Create(CultureInfo.InvariantCulture,
        $"{entry.Sequence},{entry.TimestampMicroseconds},{entry.Width},{entry.Height},{FormatName(entry.Format)},{entry.File}");

    /// <summary>The name a format has in the index and as a file extension.</summary>
    public static string FormatName(FramePixelFormat format) => format switch
    {
        FramePixelFormat.Yuyv => "yuyv",
        FramePixelFormat.Mjpeg => "mjpeg",
        _ => "rgb24",
    };

    private static FramePixelFormat ParseFormat(string path, int line, string text) => text switch
    {
        "yuyv" => FramePixelFormat.Yuyv,
        "mjpeg" => FramePixelFormat.Mjpeg,
        "rgb24" => FramePixelFormat.Rgb24,
        _ => throw Bad(path, line, $"format is '{text}'; allowed: yuyv, mjpeg, rgb24"),
    };

    private static long Number(string path, int line, string field, string text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value) && value >= 0
            ? value
            : throw Bad(path, line, $"{field} is '{text}'; expected a whole number >= 0");

    private static SensorStartException Bad(string path, int line, string what) =>
        new(new StringBuilder().Append("recording index '").Append(path).Append("' line ").Append(line).Append(": ").Append(what).ToString());
}
