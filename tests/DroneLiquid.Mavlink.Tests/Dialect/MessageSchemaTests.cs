using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using DroneLiquid.Mavlink.Messages;
using DroneLiquid.Mavlink.Tests.TestData;

namespace DroneLiquid.Mavlink.Tests.Dialect;

/// <summary>The generated registry agrees with message_schema.json (the C library's own tables).</summary>
public sealed class MessageSchemaTests
{
    private static readonly MavlinkDialect Dialect = ArdupilotmegaDialect.Instance;

    [Fact]
    public void Ids_crc_extras_lengths_and_field_layout_match_the_c_library()
    {
        JsonElement messages = VectorFiles.ReadJson("message_schema.json").GetProperty("messages");
        Assert.Equal(52, messages.GetArrayLength());
        foreach (JsonElement m in messages.EnumerateArray())
        {
            string name = m.GetProperty("name").GetString()!;
            Assert.True(Dialect.TryGetMessage(name, out MavlinkMessageInfo info), name);
            Assert.Equal(m.GetProperty("msgid").GetUInt32(), info.Id);
            Assert.Equal(m.GetProperty("crc_extra").GetByte(), info.CrcExtra);
            Assert.Equal(m.GetProperty("min_len").GetInt32(), info.MinLength);
            Assert.Equal(m.GetProperty("max_len").GetInt32(), info.MaxLength);
            var expected = m.GetProperty("fields").EnumerateArray().Select(f => string.Join(" ",
                f.GetProperty("name").GetString(), f.GetProperty("type").GetString(), f.GetProperty("array_length").GetInt32(),
                f.GetProperty("wire_offset").GetInt32(), f.GetProperty("extension").GetBoolean(),
                f.TryGetProperty("set_by_library", out JsonElement s) ? s.GetInt32() : -1));
            var actual = info.Fields.Select(f => string.Join(" ", f.Name, CType(f.Type), f.ArrayLength, f.WireOffset, f.IsExtension,
                f.SetByLibrary is { } v ? v : -1));
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void The_dialect_has_every_ardupilotmega_message_once()
    {
        Assert.Equal(325, Dialect.Messages.Count);
        Assert.Equal(Dialect.Messages.Count, Dialect.Messages.Select(m => m.Id).Distinct().Count());
        Assert.True(Dialect.TryGetCrcExtra(0, out byte heartbeat));
        Assert.Equal(50, heartbeat);
        Assert.False(Dialect.TryGetCrcExtra(0xFFFFFF, out _));
        Assert.False(Dialect.TryGetMessage(9999, out _));
    }

    [Fact]
    public void Every_generated_struct_is_exactly_its_untruncated_payload()
    {
        MethodInfo sizeOf = typeof(Unsafe).GetMethod(nameof(Unsafe.SizeOf))!;
        foreach (MavlinkMessageInfo info in Dialect.Messages)
        {
            Assert.NotNull(info.ClrType);
            Assert.Equal(info.MaxLength, (int)sizeOf.MakeGenericMethod(info.ClrType!).Invoke(null, null)!);
            int wireEnd = info.Fields.Max(f => f.WireOffset + f.WireSize);
            Assert.Equal(info.MaxLength, wireEnd);
            Assert.Equal(info.MinLength, info.Fields.Where(f => !f.IsExtension).Sum(f => f.WireSize));
        }
    }

    [Fact]
    public void Struct_members_sit_at_their_wire_offsets()
    {
        var m = new GpsRawIntMessage { TimeUsec = 0x0102030405060708, Lat = -2, SatellitesVisible = 7, HdgAcc = 0xBEEF };
        ReadOnlySpan<byte> bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(new ReadOnlySpan<GpsRawIntMessage>(in m));
        Assert.True(Dialect.TryGetMessage(GpsRawIntMessage.MavlinkId, out MavlinkMessageInfo info));
        Assert.Equal(0x0102030405060708, MavlinkFieldCodec.ReadInteger(bytes, info.FindField("time_usec")!));
        Assert.Equal(-2, MavlinkFieldCodec.ReadInteger(bytes, info.FindField("lat")!));
        Assert.Equal(7, MavlinkFieldCodec.ReadInteger(bytes, info.FindField("satellites_visible")!));
        Assert.Equal(0xBEEF, MavlinkFieldCodec.ReadInteger(bytes, info.FindField("hdg_acc")!));
    }

    private static string CType(MavlinkFieldType type) => type switch
    {
        MavlinkFieldType.Char => "char",
        MavlinkFieldType.Float => "float",
        MavlinkFieldType.Double => "double",
        _ => type.ToString().ToLowerInvariant() + "_t",
    };
}
