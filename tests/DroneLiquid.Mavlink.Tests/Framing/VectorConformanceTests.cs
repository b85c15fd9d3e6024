using System.Reflection;
using System.Text.Json;
using DroneLiquid.Mavlink.Messages;
using DroneLiquid.Mavlink.Tests.Fakes;
using DroneLiquid.Mavlink.Tests.TestData;

namespace DroneLiquid.Mavlink.Tests.Framing;

/// <summary>Every vector of vectors.jsonl (v1, v2, signed v2 from the C library) decodes to its fields and re-encodes to its bytes.</summary>
public sealed class VectorConformanceTests
{
    private static readonly MavlinkDialect Dialect = ArdupilotmegaDialect.Instance;

    [Fact]
    public void The_vector_file_holds_all_three_framings()
    {
        var vectors = VectorFiles.Vectors;
        Assert.Equal(1440, vectors.Count);
        Assert.Equal(493, vectors.Count(v => v.Version == MavlinkVersion.V2 && !v.Signed));
        Assert.Equal(454, vectors.Count(v => v.Version == MavlinkVersion.V1));
        Assert.Equal(493, vectors.Count(v => v.Signed));
    }

    [Fact]
    public void Every_vector_parses_to_one_ok_frame_with_its_header_and_fields()
    {
        var failures = new List<string>();
        foreach (ConformanceVector v in VectorFiles.Vectors)
        {
            var parser = new MavlinkParser(Dialect);
            var sink = new FakeFrameHandler();
            parser.Parse(v.Frame, sink);
            if (sink.Frames.Count != 1 || sink.Frames[0].Verdict != MavlinkFrameVerdict.Ok)
            {
                failures.Add($"{v}: frames {string.Join("; ", sink.Frames)}");
                continue;
            }
            ReceivedFrame f = sink.Frames[0];
            if (!f.Bytes.AsSpan().SequenceEqual(v.Frame) || f.MessageId != v.MessageId || f.SystemId != v.SystemId
                || f.ComponentId != v.ComponentId || f.Sequence != v.Sequence || f.Version != v.Version || f.Signed != v.Signed)
            {
                failures.Add($"{v}: header or bytes differ: {f}");
                continue;
            }
            Assert.True(MavlinkFrame.TryWrap(f.Bytes, out MavlinkFrame frame, out _));
            Assert.True(Dialect.TryGetMessage(v.MessageId, out MavlinkMessageInfo info));
            byte[] payload = new byte[info.MaxLength];
            frame.CopyPayloadTo(payload, info.MaxLength);
            failures.AddRange(FieldComparer.Differences(info, v.Fields, FieldsAsJson(info, payload)).Select(d => $"{v}: {d}"));
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    [Fact]
    public void Every_vector_encodes_from_its_fields_to_the_c_library_bytes()
    {
        var failures = new List<string>();
        Span<byte> buffer = stackalloc byte[MavlinkWire.MaxFrameLength];
        foreach (ConformanceVector v in VectorFiles.Vectors)
        {
            Assert.True(Dialect.TryGetMessage(v.Name, out MavlinkMessageInfo info));
            Assert.Equal(v.MessageId, info.Id);
            Assert.Equal(v.CrcExtra, info.CrcExtra);
            byte[] payload = new byte[info.MaxLength];
            MavlinkJsonFields.ReadFields(v.Fields, info, payload);
            int n = MavlinkEncoder.Encode(buffer, info, payload, v.Header, v.Version, v.Key, v.LinkId, v.Timestamp);
            if (!buffer[..n].SequenceEqual(v.Frame))
            {
                failures.Add($"{v}: expected {Convert.ToHexStringLower(v.Frame)} got {Convert.ToHexStringLower(buffer[..n])}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    [Fact]
    public void A_v1_vector_with_its_dropped_extensions_merged_back_encodes_to_the_same_bytes()
    {
        var withExtensions = VectorFiles.Vectors.Where(v => v.V1DroppedExtensions is not null).ToList();
        Assert.NotEmpty(withExtensions);
        Span<byte> buffer = stackalloc byte[MavlinkWire.MaxFrameLength];
        foreach (ConformanceVector v in withExtensions)
        {
            Assert.True(Dialect.TryGetMessage(v.Name, out MavlinkMessageInfo info));
            var merged = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(v.Fields.GetRawText())!;
            foreach (JsonProperty p in v.V1DroppedExtensions!.Value.EnumerateObject())
            {
                merged[p.Name] = p.Value;
            }
            byte[] payload = new byte[info.MaxLength];
            MavlinkJsonFields.ReadFields(JsonSerializer.SerializeToElement(merged), info, payload);
            Assert.Contains(info.Fields, f => f.IsExtension);
            int n = MavlinkEncoder.Encode(buffer, info, payload, v.Header, MavlinkVersion.V1);
            Assert.Equal(Convert.ToHexStringLower(v.Frame), Convert.ToHexStringLower(buffer[..n]));
        }
    }

    [Fact]
    public void Every_vector_round_trips_through_its_generated_struct()
    {
        MethodInfo roundTrip = typeof(VectorConformanceTests).GetMethod(nameof(RoundTripTyped), BindingFlags.NonPublic | BindingFlags.Static)!;
        var failures = new List<string>();
        foreach (ConformanceVector v in VectorFiles.Vectors)
        {
            Assert.True(Dialect.TryGetMessage(v.MessageId, out MavlinkMessageInfo info));
            Assert.NotNull(info.ClrType);
            byte[] encoded = (byte[])roundTrip.MakeGenericMethod(info.ClrType!).Invoke(null, [v])!;
            if (!encoded.AsSpan().SequenceEqual(v.Frame))
            {
                failures.Add($"{v}: expected {Convert.ToHexStringLower(v.Frame)} got {Convert.ToHexStringLower(encoded)}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    [Fact]
    public void Every_signed_vector_verifies_with_its_key_and_not_with_another()
    {
        var other = MavlinkSigningKey.FromHex(new string('7', 64));
        foreach (ConformanceVector v in VectorFiles.Vectors.Where(v => v.Signed))
        {
            Assert.True(MavlinkFrame.TryWrap(v.Frame, out MavlinkFrame frame, out _));
            Assert.Equal(v.LinkId, frame.LinkId);
            Assert.Equal(v.Timestamp, frame.SignatureTimestamp);
            Assert.True(MavlinkSignature.Verify(v.Key!, in frame), v.Id);
            Assert.False(MavlinkSignature.Verify(other, in frame), v.Id);
        }
    }

    private static byte[] RoundTripTyped<T>(ConformanceVector v) where T : unmanaged, IMavlinkMessage<T>
    {
        Assert.True(MavlinkFrame.TryWrap(v.Frame, out MavlinkFrame frame, out _));
        Assert.True(frame.TryDecode(out T message));
        byte[] buffer = new byte[MavlinkWire.MaxFrameLength];
        int n = v.Signed
            ? MavlinkEncoder.EncodeSigned(buffer, in message, v.Header, v.Key!, v.LinkId, v.Timestamp)
            : MavlinkEncoder.Encode(buffer, in message, v.Header, v.Version);
        return buffer[..n];
    }

    private static JsonElement FieldsAsJson(MavlinkMessageInfo info, ReadOnlySpan<byte> payload)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, MavlinkJsonFields.WriterOptions))
        {
            MavlinkJsonFields.WriteFields(writer, info, payload);
        }
        return JsonDocument.Parse(stream.ToArray()).RootElement;
    }
}
