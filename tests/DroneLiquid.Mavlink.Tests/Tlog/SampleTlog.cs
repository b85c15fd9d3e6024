using System.Text.Json;

namespace DroneLiquid.Mavlink.Tests.Tlog;

/// <summary>The copied vectors sample.tlog and its index sample.tlog.json (produced with the official C library).</summary>
internal static class SampleTlog
{
    private static readonly Lazy<Entry[]> LazyIndex = new(Load);

    public static string TlogPath => Path.Combine(AppContext.BaseDirectory, "Vectors", "sample.tlog");

    public static string IndexPath => Path.Combine(AppContext.BaseDirectory, "Vectors", "sample.tlog.json");

    public static byte[] Bytes => File.ReadAllBytes(TlogPath);

    public static IReadOnlyList<Entry> Index => LazyIndex.Value;

    private static Entry[] Load()
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(IndexPath));
        return doc.RootElement.GetProperty("records").EnumerateArray().Select(r => new Entry(
            r.GetProperty("index").GetInt32(),
            r.GetProperty("offset").GetInt64(),
            r.GetProperty("timestamp_us").GetUInt64(),
            r.GetProperty("name").GetString()!,
            r.GetProperty("msgid").GetUInt32(),
            r.GetProperty("version").GetInt32(),
            r.GetProperty("signed").GetBoolean(),
            r.GetProperty("sysid").GetInt32(),
            r.GetProperty("compid").GetInt32(),
            r.GetProperty("seq").GetInt32(),
            Convert.FromHexString(r.GetProperty("frame_hex").GetString()!),
            r.GetProperty("fields").GetRawText())).ToArray();
    }

    internal sealed record Entry(
        int Index, long Offset, ulong TimestampMicroseconds, string Name, uint MessageId, int Version, bool Signed,
        int SystemId, int ComponentId, int Sequence, byte[] Frame, string FieldsJson);
}
