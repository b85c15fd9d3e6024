using DroneLiquid.Mavlink.Messages;
using DroneLiquid.Mavlink.Tests.Fakes;
using DroneLiquid.Mavlink.Tests.TestData;

namespace DroneLiquid.Mavlink.Tests.Parsing;

public sealed class MavlinkParserTests
{
    private static MavlinkParser NewParser(MavlinkSignatureVerifier? verifier = null) => new(ArdupilotmegaDialect.Instance, verifier);

    [Fact]
    public void Every_prefix_of_every_vector_consumes_nothing_and_yields_nothing()
    {
        MavlinkParser parser = NewParser();
        var sink = new FakeFrameHandler();
        foreach (ConformanceVector v in VectorFiles.Vectors)
        {
            for (int k = 1; k < v.Frame.Length; k++)
            {
                parser.Reset();
                sink.Frames.Clear();
                parser.Parse(v.Frame.AsSpan(0, k), sink);
                parser.Flush(ref sink);
                Assert.Empty(sink.Frames);
                Assert.Equal(k, parser.BufferedByteCount);
                parser.Parse(v.Frame.AsSpan(k), sink);
                ReceivedFrame f = Assert.Single(sink.Frames);
                Assert.Equal(MavlinkFrameVerdict.Ok, f.Verdict);
                Assert.Equal(v.Frame, f.Bytes);
                Assert.Equal(0, parser.BufferedByteCount);
            }
        }
    }

    [Fact]
    public void A_stream_split_at_every_point_parses_the_same_as_whole()
    {
        byte[] stream = Frames.Concat(
            [0x00, 0x13, 0xFD, 0x05],
            VectorFiles.Vectors[0].Frame,
            Frames.Heartbeat(1, version: MavlinkVersion.V1),
            Frames.SignedCommandLong(1000),
            [0xFE, 0x01, 0x77],
            Frames.Attitude(2));
        List<string> whole = Parse(stream, stream.Length);
        Assert.Equal(4, whole.Count(f => f.StartsWith("Ok", StringComparison.Ordinal)));
        for (int split = 1; split < stream.Length; split++)
        {
            MavlinkParser parser = NewParser();
            var sink = new FakeFrameHandler();
            parser.Parse(stream.AsSpan(0, split), sink);
            parser.Parse(stream.AsSpan(split), sink);
            parser.Flush(ref sink);
            Assert.Equal(whole, sink.Frames.Select(f => $"{f.Verdict} {f.Hex}"));
        }
    }

    [Fact]
    public void Unknown_ids_pass_through_as_unverified_raw_frames_and_the_stream_goes_on()
    {
        var unknown = new MavlinkMessageInfo(9999, "NOT_IN_DIALECT", 0, 4, 4, null,
            [new MavlinkFieldInfo("value", "Value", MavlinkFieldType.UInt32, 0, 0, false, null, null, null)]);
        var buffer = new byte[MavlinkWire.MaxFrameLength];
        int n = MavlinkEncoder.Encode(buffer, unknown, [1, 2, 3, 4], new MavlinkHeader(7, 8, 9));
        byte[] stream = Frames.Concat(buffer[..n], Frames.Heartbeat());
        MavlinkParser parser = NewParser();
        var sink = new FakeFrameHandler();
        parser.Parse(stream, sink);
        Assert.Equal([MavlinkFrameVerdict.Unverified, MavlinkFrameVerdict.Ok], sink.Frames.Select(f => f.Verdict));
        Assert.Equal(buffer[..n], sink.Frames[0].Bytes);
        Assert.Equal(9999u, sink.Frames[0].MessageId);
        Assert.Equal(1, parser.Statistics.UnknownMessageIds);
        Assert.Equal(1, parser.Statistics.FramesReceived);
    }

    [Fact]
    public void A_bad_checksum_is_reported_counted_and_skipped()
    {
        byte[] bad = Frames.Attitude(1);
        bad[12] ^= 0x10;
        MavlinkParser parser = NewParser();
        var sink = new FakeFrameHandler();
        parser.Parse(Frames.Concat(bad, Frames.Heartbeat(2)), sink);
        Assert.Equal([MavlinkFrameVerdict.BadCrc, MavlinkFrameVerdict.Ok], sink.Frames.Select(f => f.Verdict));
        Assert.Equal(1, parser.Statistics.CrcErrors);
    }

    [Fact]
    public void A_truncated_frame_does_not_swallow_the_frame_after_it()
    {
        byte[] attitude = Frames.Attitude(1);
        byte[] heartbeat = Frames.Heartbeat(2);
        byte[] stream = Frames.Concat(attitude[..15], heartbeat, new byte[30]);
        MavlinkParser parser = NewParser();
        var sink = new FakeFrameHandler();
        parser.Parse(stream, sink);
        ReceivedFrame recovered = Assert.Single(sink.WithVerdict(MavlinkFrameVerdict.Ok));
        Assert.Equal(heartbeat, recovered.Bytes);
        Assert.Equal(1, parser.Statistics.FramesRecovered);
        Assert.Equal(1, parser.Statistics.CrcErrors); // the truncated frame, as C reports it
    }

    [Fact]
    public void Unknown_incompat_flags_abandon_the_frame_and_the_next_frame_is_found()
    {
        byte[] flagged = Frames.Heartbeat(1);
        flagged[2] = 0x02;
        MavlinkParser parser = NewParser();
        var sink = new FakeFrameHandler();
        parser.Parse(Frames.Concat(flagged, Frames.Heartbeat(2)), sink);
        ReceivedFrame f = Assert.Single(sink.Frames);
        Assert.Equal(2, f.Sequence);
    }

    [Fact]
    public void Flush_releases_frames_held_behind_a_rescan_candidate_that_never_completes()
    {
        // A bad frame whose payload holds a plausible FILE_TRANSFER_PROTOCOL header (len 200): after the
        // checksum fails, that candidate waits for 212 bytes, holding back the heartbeat behind it.
        byte[] bad = Frames.Attitude(1);
        byte[] fake = [0xFD, 200, 0, 0, 0, 1, 1, 110, 0, 0];
        fake.CopyTo(bad, 10);
        bad[^1] ^= 0xFF;
        byte[] heartbeat = Frames.Heartbeat(3);
        MavlinkParser parser = NewParser();
        var sink = new FakeFrameHandler();
        parser.Parse(Frames.Concat(bad, heartbeat), sink);
        Assert.Equal([MavlinkFrameVerdict.BadCrc], sink.Frames.Select(f => f.Verdict));
        parser.Flush(ref sink);
        Assert.Equal([MavlinkFrameVerdict.BadCrc, MavlinkFrameVerdict.Ok], sink.Frames.Select(f => f.Verdict));
        Assert.Equal(heartbeat, sink.Frames[1].Bytes);
        Assert.Equal(0, parser.BufferedByteCount);
    }

    [Fact]
    public void Flush_keeps_a_frame_that_is_still_arriving()
    {
        byte[] heartbeat = Frames.Heartbeat();
        MavlinkParser parser = NewParser();
        var sink = new FakeFrameHandler();
        parser.Parse(heartbeat.AsSpan(0, 10), sink);
        parser.Flush(ref sink);
        Assert.Equal(10, parser.BufferedByteCount);
        parser.Parse(heartbeat.AsSpan(10), sink);
        Assert.Single(sink.Frames);
    }

    [Fact]
    public void Sequence_gaps_count_lost_packets_per_system_and_component()
    {
        byte[] stream = Frames.Concat(
            Frames.Heartbeat(0, 1, 1), Frames.Heartbeat(10, 2, 1), Frames.Heartbeat(1, 1, 1),
            Frames.Heartbeat(5, 1, 1), Frames.Heartbeat(11, 2, 1), Frames.Heartbeat(2, 1, 2), Frames.Heartbeat(255, 1, 1),
            Frames.Heartbeat(0, 1, 1));
        MavlinkParser parser = NewParser();
        parser.Parse(stream, new FakeFrameHandler());
        // 1/1: 0,1,5 (3 lost), 5→255 (249 lost), 255→0 (wraps, none); 2/1: 10,11; 1/2: first seen.
        Assert.Equal(3 + 249, parser.Statistics.PacketsLost);
        Assert.Equal(8, parser.Statistics.FramesReceived);
    }

    [Fact]
    public void Reset_forgets_a_partial_frame()
    {
        byte[] heartbeat = Frames.Heartbeat();
        MavlinkParser parser = NewParser();
        var sink = new FakeFrameHandler();
        parser.Parse(heartbeat.AsSpan(0, 12), sink);
        parser.Reset();
        Assert.Equal(0, parser.BufferedByteCount);
        parser.Parse(heartbeat, sink);
        Assert.Single(sink.Frames);
    }

    private static List<string> Parse(byte[] stream, int chunk)
    {
        MavlinkParser parser = NewParser();
        var sink = new FakeFrameHandler();
        for (int i = 0; i < stream.Length; i += chunk)
        {
            parser.Parse(stream.AsSpan(i, Math.Min(chunk, stream.Length - i)), sink);
        }
        parser.Flush(ref sink);
        return sink.Frames.Select(f => $"{f.Verdict} {f.Hex}").ToList();
    }
}
