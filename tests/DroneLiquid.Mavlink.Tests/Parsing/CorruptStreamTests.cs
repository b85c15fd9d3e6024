using System.Text.Json;
using DroneLiquid.Mavlink.Messages;
using DroneLiquid.Mavlink.Tests.Fakes;
using DroneLiquid.Mavlink.Tests.TestData;

namespace DroneLiquid.Mavlink.Tests.Parsing;

/// <summary>
/// corrupt_stream_1 under every chunking and both receiver configurations: the parser yields exactly the C
/// library's events (OK, BAD_CRC, BAD_SIGNATURE; unknown ids as Unverified instead of BAD_CRC) in order,
/// plus the victims C loses to a truncated frame.
/// </summary>
public sealed class CorruptStreamTests
{
    private static readonly JsonElement Stream = VectorFiles.ReadJson("corrupt_stream_1.json");
    private static readonly byte[] Bytes = File.ReadAllBytes(VectorFiles.PathOf("corrupt_stream_1.bin"));

    public static TheoryData<string, int> Runs()
    {
        var data = new TheoryData<string, int>();
        foreach (string config in new[] { "no_signing", "signing" })
        {
            foreach (int chunk in new[] { 1, 7, 64, 4096, int.MaxValue })
            {
                data.Add(config, chunk);
            }
        }
        return data;
    }

    [Fact]
    public void The_stream_file_matches_its_description()
    {
        Assert.Equal(Stream.GetProperty("stream_length").GetInt32(), Bytes.Length);
        Assert.Equal(Stream.GetProperty("stream_hex").GetString(), Convert.ToHexStringLower(Bytes));
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void Yields_the_c_library_events_plus_the_victims(string config, int chunk)
    {
        var (sink, parser) = Run(config, chunk);
        List<string> expected = ExpectedSequence(config);
        List<string> actual = sink.Frames.Select(f => $"{f.Verdict} {f.Hex}").ToList();
        Assert.Equal(expected, actual);

        JsonElement parserResult = Stream.GetProperty("parsers").GetProperty(config);
        int expectedFrames = parserResult.GetProperty("expected_frames").GetArrayLength();
        Assert.Equal(expectedFrames + Victims().Count, parser.Statistics.FramesReceived);
        Assert.Equal(Victims().Count, parser.Statistics.FramesRecovered);
        Assert.Equal(Bytes.Length, parser.Statistics.BytesReceived);
        int badSignature = parserResult.GetProperty("counts").GetProperty("BAD_SIGNATURE").GetInt32();
        Assert.Equal(badSignature, parser.Statistics.SignatureErrors);
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void Recovers_every_expected_frame_in_order_with_its_fields(string config, int chunk)
    {
        var (sink, _) = Run(config, chunk);
        var ok = sink.WithVerdict(MavlinkFrameVerdict.Ok).ToList();
        int next = 0;
        foreach (JsonElement e in Stream.GetProperty("parsers").GetProperty(config).GetProperty("expected_frames").EnumerateArray())
        {
            string hex = e.GetProperty("frame_hex").GetString()!;
            while (next < ok.Count && ok[next].Hex != hex)
            {
                next++;
            }
            Assert.True(next < ok.Count, $"expected frame at offset {e.GetProperty("offset")} ({e.GetProperty("name")}) not recovered in order");
            ReceivedFrame f = ok[next++];
            Assert.Equal(e.GetProperty("sysid").GetByte(), f.SystemId);
            Assert.Equal(e.GetProperty("seq").GetByte(), f.Sequence);
            Assert.True(ArdupilotmegaDialect.Instance.TryGetMessage(f.MessageId, out MavlinkMessageInfo info));
            Assert.Equal(e.GetProperty("name").GetString(), info.Name);
        }
    }

    [Fact]
    public void The_stream_split_at_every_point_parses_the_same_as_whole()
    {
        List<string> whole = Run("no_signing", int.MaxValue).Sink.Frames.Select(f => $"{f.Verdict} {f.Hex}").ToList();
        var parser = new MavlinkParser(ArdupilotmegaDialect.Instance);
        var sink = new FakeFrameHandler();
        for (int split = 1; split < Bytes.Length; split++)
        {
            parser.Reset();
            sink.Frames.Clear();
            parser.Parse(Bytes.AsSpan(0, split), sink);
            parser.Parse(Bytes.AsSpan(split), sink);
            parser.Flush(ref sink);
            Assert.Equal(whole.Count, sink.Frames.Count);
            for (int i = 0; i < whole.Count; i++)
            {
                Assert.Equal(whole[i], $"{sink.Frames[i].Verdict} {sink.Frames[i].Hex}");
            }
        }
    }

    [Fact]
    public void Random_chunkings_give_the_same_frames_as_the_whole_stream()
    {
        List<string> whole = Run("signing", int.MaxValue).Sink.Frames.Select(f => $"{f.Verdict} {f.Hex}").ToList();
        var random = new Random(7);
        for (int round = 0; round < 20; round++)
        {
            var (sink, parser) = Run("signing", chunk: 0, random);
            Assert.Equal(whole, sink.Frames.Select(f => $"{f.Verdict} {f.Hex}"));
            Assert.Equal(LastSegmentLength(), parser.BufferedByteCount);
        }
    }

    [Fact]
    public void The_victims_are_the_frames_swallowed_by_truncated_frames()
    {
        // Listed so a change in what we recover shows up here: segment 60's truncated frame swallows a
        // VISION_POSITION_ESTIMATE that the C parser loses and we recover.
        var victims = Victims();
        Assert.Equal(["VISION_POSITION_ESTIMATE"], victims.Select(v => v.Name));
        var (sink, _) = Run("no_signing", 1);
        Assert.Contains(sink.Frames, f => f.Verdict == MavlinkFrameVerdict.Ok && f.Hex == victims[0].Hex);
    }

    // The stream ends in a partial frame, which stays buffered.
    private static int LastSegmentLength() => Stream.GetProperty("segments").EnumerateArray().Last().GetProperty("length").GetInt32();

    private static (FakeFrameHandler Sink, MavlinkParser Parser) Run(string config, int chunk, Random? random = null)
    {
        MavlinkSignatureVerifier? verifier = null;
        if (config == "signing")
        {
            JsonElement receiver = Stream.GetProperty("signing_receiver");
            var mustSign = receiver.GetProperty("must_sign_msgids").EnumerateArray().Select(x => x.GetUInt32()).ToHashSet();
            verifier = new MavlinkSignatureVerifier(MavlinkSigningKey.FromHex(receiver.GetProperty("secret_key_hex").GetString()!),
                id => !mustSign.Contains(id), receiver.GetProperty("initial_timestamp").GetUInt64());
        }
        var parser = new MavlinkParser(ArdupilotmegaDialect.Instance, verifier);
        var sink = new FakeFrameHandler();
        for (int i = 0; i < Bytes.Length;)
        {
            int n = Math.Min(random is null ? chunk : random.Next(1, 300), Bytes.Length - i);
            parser.Parse(Bytes.AsSpan(i, n), sink);
            i += n;
        }
        parser.Flush(ref sink);
        return (sink, parser);
    }

    private static List<(int Offset, string Name, string Hex)> Victims() =>
        Stream.GetProperty("segments").EnumerateArray()
            .Where(s => s.GetProperty("kind").GetString() == "truncated_swallows_next")
            .Select(s =>
            {
                int offset = s.GetProperty("victim_offset").GetInt32();
                int length = s.GetProperty("victim").GetProperty("frame_length").GetInt32();
                return (offset, s.GetProperty("victim").GetProperty("name").GetString()!, Convert.ToHexStringLower(Bytes.AsSpan(offset, length)));
            })
            .ToList();

    // C's events in stream order, with unknown ids as Unverified (whole frame, signature included), and
    // the victims inserted at their offsets.
    private static List<string> ExpectedSequence(string config)
    {
        var items = new List<(int Offset, string Text)>();
        foreach (JsonElement e in Stream.GetProperty("parsers").GetProperty(config).GetProperty("events").EnumerateArray())
        {
            int offset = e.GetProperty("offset").GetInt32();
            int length = e.GetProperty("length").GetInt32();
            string status = e.GetProperty("status").GetString()!;
            string verdict = status switch
            {
                "OK" => "Ok",
                "BAD_SIGNATURE" => "BadSignature",
                _ when e.GetProperty("name").GetString() == "" => "Unverified",
                _ => "BadCrc",
            };
            if (verdict == "Unverified" && e.GetProperty("signed").GetBoolean())
            {
                length += MavlinkWire.SignatureLength;
            }
            items.Add((offset, $"{verdict} {Convert.ToHexStringLower(Bytes.AsSpan(offset, length))}"));
        }
        items.AddRange(Victims().Select(v => (v.Offset, $"Ok {v.Hex}")));
        return items.OrderBy(i => i.Offset).Select(i => i.Text).ToList();
    }
}
