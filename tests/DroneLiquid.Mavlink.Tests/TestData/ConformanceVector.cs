using System.Text.Json;

namespace DroneLiquid.Mavlink.Tests.TestData;

/// <summary>One line of Vectors/vectors.jsonl (frames produced by the official MAVLink C library).</summary>
public sealed record ConformanceVector(
    string Id,
    string Name,
    uint MessageId,
    byte CrcExtra,
    MavlinkVersion Version,
    bool Signed,
    byte SystemId,
    byte ComponentId,
    byte Sequence,
    JsonElement Fields,
    JsonElement? V1DroppedExtensions,
    byte[] Frame,
    MavlinkSigningKey? Key,
    byte LinkId,
    ulong Timestamp)
{
    public MavlinkHeader Header => new(SystemId, ComponentId, Sequence);

    public override string ToString() => Id;

    public static ConformanceVector Parse(string line)
    {
        JsonElement e = JsonDocument.Parse(line).RootElement;
        JsonElement? signing = e.TryGetProperty("signing", out JsonElement s) ? s : null;
        return new ConformanceVector(
            e.GetProperty("id").GetString()!,
            e.GetProperty("name").GetString()!,
            e.GetProperty("msgid").GetUInt32(),
            e.GetProperty("crc_extra").GetByte(),
            (MavlinkVersion)e.GetProperty("version").GetInt32(),
            e.GetProperty("signed").GetBoolean(),
            e.GetProperty("sysid").GetByte(),
            e.GetProperty("compid").GetByte(),
            e.GetProperty("seq").GetByte(),
            e.GetProperty("fields"),
            e.TryGetProperty("v1_dropped_extensions", out JsonElement d) ? d : null,
            Convert.FromHexString(e.GetProperty("frame_hex").GetString()!),
            signing is { } k ? MavlinkSigningKey.FromHex(k.GetProperty("secret_key_hex").GetString()!) : null,
            signing?.GetProperty("link_id").GetByte() ?? 0,
            signing?.GetProperty("timestamp").GetUInt64() ?? 0);
    }
}
