using DroneLiquid.Mavlink.Messages;
using DroneLiquid.Mavlink.Tests.Fakes;
using DroneLiquid.Mavlink.Tests.TestData;

namespace DroneLiquid.Mavlink.Tests.Signing;

/// <summary>Incoming signing rules: signature, replay per stream, one-minute limit for new streams, unsigned policy.</summary>
public sealed class MavlinkSignatureVerifierTests
{
    private const ulong Start = 300_000_000_000; // about 35 days after 2015-01-01, in 10 µs units

    private static (MavlinkParser Parser, FakeFrameHandler Sink) Receiver(MavlinkSignatureVerifier verifier) =>
        (new MavlinkParser(ArdupilotmegaDialect.Instance, verifier), new FakeFrameHandler());

    private static MavlinkFrameVerdict Feed(MavlinkParser parser, FakeFrameHandler sink, byte[] frame)
    {
        int before = sink.Frames.Count;
        parser.Parse(frame, sink);
        Assert.Equal(before + 1, sink.Frames.Count);
        return sink.Frames[^1].Verdict;
    }

    [Fact]
    public void A_correctly_signed_frame_verifies_and_registers_its_stream()
    {
        var verifier = new MavlinkSignatureVerifier(Frames.Key);
        var (parser, sink) = Receiver(verifier);
        Assert.Equal(MavlinkFrameVerdict.Ok, Feed(parser, sink, Frames.SignedCommandLong(Start)));
        Assert.Equal(MavlinkSigningStatus.Ok, verifier.LastStatus);
        Assert.Equal(1, verifier.StreamCount);
        Assert.Equal(Start, verifier.ReceiverTimestamp);
    }

    [Fact]
    public void A_flipped_bit_anywhere_is_rejected_and_counted()
    {
        byte[] original = Frames.SignedCommandLong(Start);
        int signatureStart = original.Length - MavlinkWire.SignatureLength;
        for (int bit = 0; bit < original.Length * 8; bit++)
        {
            byte[] frame = (byte[])original.Clone();
            frame[bit / 8] ^= (byte)(1 << (bit % 8));
            var verifier = new MavlinkSignatureVerifier(Frames.Key);
            var (parser, sink) = Receiver(verifier);
            parser.Parse(frame, sink);
            parser.Flush(ref sink);
            Assert.DoesNotContain(sink.Frames, f => f.Verdict == MavlinkFrameVerdict.Ok);
            if (bit / 8 >= signatureStart)
            {
                Assert.Equal(MavlinkFrameVerdict.BadSignature, Assert.Single(sink.Frames).Verdict);
                Assert.Equal(1, verifier.BadSignatures);
                Assert.Equal(1, parser.Statistics.SignatureErrors);
            }
            else if (bit / 8 != 0 && !(bit / 8 == 2 && bit % 8 != 0))
            {
                // header, payload or checksum: caught by the checksum, or (a longer len, an unknown id) still
                // waiting for bytes that never come. A flipped start byte or unknown flag is not a frame at all.
                Assert.True(parser.Statistics.CrcErrors + parser.Statistics.UnknownMessageIds == 1 || parser.BufferedByteCount > 0,
                    $"bit {bit}: {parser.Statistics}");
            }
        }
    }

    [Fact]
    public void A_frame_signed_with_another_key_is_rejected()
    {
        var verifier = new MavlinkSignatureVerifier(Frames.Key);
        var (parser, sink) = Receiver(verifier);
        var otherKey = MavlinkSigningKey.FromHex(new string('a', 64));
        Assert.Equal(MavlinkFrameVerdict.BadSignature, Feed(parser, sink, Frames.SignedCommandLong(Start, key: otherKey)));
        Assert.Equal(MavlinkSigningStatus.BadSignature, verifier.LastStatus);
        Assert.Equal(1, verifier.BadSignatures);
        Assert.Equal(0, verifier.StreamCount);
    }

    [Fact]
    public void A_replayed_or_older_timestamp_on_a_known_stream_is_rejected()
    {
        var verifier = new MavlinkSignatureVerifier(Frames.Key);
        var (parser, sink) = Receiver(verifier);
        byte[] first = Frames.SignedCommandLong(Start);
        Assert.Equal(MavlinkFrameVerdict.Ok, Feed(parser, sink, first));
        Assert.Equal(MavlinkFrameVerdict.BadSignature, Feed(parser, sink, first));
        Assert.Equal(MavlinkSigningStatus.Replay, verifier.LastStatus);
        Assert.Equal(MavlinkFrameVerdict.BadSignature, Feed(parser, sink, Frames.SignedCommandLong(Start - 1, sequence: 1)));
        Assert.Equal(2, verifier.Replays);
        Assert.Equal(MavlinkFrameVerdict.Ok, Feed(parser, sink, Frames.SignedCommandLong(Start + 1, sequence: 2)));
        // Another link id is another stream, with its own history.
        Assert.Equal(MavlinkFrameVerdict.Ok, Feed(parser, sink, Frames.SignedCommandLong(Start - 5, linkId: 1)));
        Assert.Equal(2, parser.Statistics.SignatureErrors);
    }

    [Fact]
    public void A_new_stream_more_than_a_minute_behind_is_rejected_and_within_a_minute_accepted()
    {
        var verifier = new MavlinkSignatureVerifier(Frames.Key, initialTimestamp: Start);
        var (parser, sink) = Receiver(verifier);
        byte[] tooOld = Frames.SignedCommandLong(Start - MavlinkTimestamp.OneMinute - 1, systemId: 10);
        Assert.Equal(MavlinkFrameVerdict.BadSignature, Feed(parser, sink, tooOld));
        Assert.Equal(MavlinkSigningStatus.OldTimestamp, verifier.LastStatus);
        Assert.Equal(1, verifier.OldTimestamps);
        byte[] recent = Frames.SignedCommandLong(Start - MavlinkTimestamp.OneMinute, systemId: 11);
        Assert.Equal(MavlinkFrameVerdict.Ok, Feed(parser, sink, recent));
        Assert.Equal(Start, verifier.ReceiverTimestamp);
    }

    [Fact]
    public void The_accept_unsigned_callback_decides_for_unsigned_frames_and_failed_checks()
    {
        var verifier = new MavlinkSignatureVerifier(Frames.Key, id => id == RadioStatusMessage.MavlinkId);
        var (parser, sink) = Receiver(verifier);
        var radio = new RadioStatusMessage { Rssi = 200 };
        Assert.Equal(MavlinkFrameVerdict.Ok, Feed(parser, sink, Frames.Encode(in radio, new MavlinkHeader(3, 68, 0))));
        Assert.Equal(MavlinkFrameVerdict.BadSignature, Feed(parser, sink, Frames.Heartbeat()));
        Assert.Equal(1, verifier.UnsignedRejected);

        var buffer = new byte[MavlinkWire.MaxFrameLength];
        var wrongKey = MavlinkSigningKey.FromHex(new string('b', 64));
        int n = MavlinkEncoder.EncodeSigned(buffer, in radio, new MavlinkHeader(3, 68, 1), wrongKey, 0, Start);
        Assert.Equal(MavlinkFrameVerdict.Ok, Feed(parser, sink, buffer[..n]));
        Assert.Equal(MavlinkSigningStatus.BadSignature, verifier.LastStatus);
        Assert.Equal(2, verifier.AcceptedUnsigned);
    }

    [Fact]
    public void Without_a_callback_every_unsigned_frame_is_rejected()
    {
        var verifier = new MavlinkSignatureVerifier(Frames.Key);
        var (parser, sink) = Receiver(verifier);
        Assert.Equal(MavlinkFrameVerdict.BadSignature, Feed(parser, sink, Frames.Heartbeat()));
    }

    [Fact]
    public void The_stream_table_is_bounded_and_forgets_the_stream_updated_longest_ago()
    {
        var verifier = new MavlinkSignatureVerifier(Frames.Key, streamCapacity: 2);
        var (parser, sink) = Receiver(verifier);
        Assert.Equal(MavlinkFrameVerdict.Ok, Feed(parser, sink, Frames.SignedCommandLong(Start, systemId: 1)));
        Assert.Equal(MavlinkFrameVerdict.Ok, Feed(parser, sink, Frames.SignedCommandLong(Start + 1, systemId: 2)));
        Assert.Equal(MavlinkFrameVerdict.Ok, Feed(parser, sink, Frames.SignedCommandLong(Start + 2, systemId: 1)));
        Assert.Equal(MavlinkFrameVerdict.Ok, Feed(parser, sink, Frames.SignedCommandLong(Start + 3, systemId: 3)));
        Assert.Equal(2, verifier.StreamCount);
        Assert.Equal(1, verifier.StreamsEvicted);
        // System 1 is still remembered (system 2 was evicted): its replay is caught.
        Assert.Equal(MavlinkFrameVerdict.BadSignature, Feed(parser, sink, Frames.SignedCommandLong(Start + 2, systemId: 1)));
    }

    [Fact]
    public void A_verifier_started_from_the_clock_refuses_new_streams_older_than_a_minute()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(MavlinkTimestamp.ToTime(Start));
        var verifier = new MavlinkSignatureVerifier(Frames.Key, clock);
        var (parser, sink) = Receiver(verifier);
        Assert.Equal(MavlinkFrameVerdict.BadSignature, Feed(parser, sink, Frames.SignedCommandLong(Start - 2 * MavlinkTimestamp.OneMinute)));
        Assert.Equal(MavlinkSigningStatus.OldTimestamp, verifier.LastStatus);
    }

    [Fact]
    public void Receiver_timestamp_only_moves_forward()
    {
        var verifier = new MavlinkSignatureVerifier(Frames.Key, initialTimestamp: Start);
        verifier.AdvanceTimestamp(Start - 10);
        Assert.Equal(Start, verifier.ReceiverTimestamp);
        verifier.AdvanceTimestamp(Start + 10);
        Assert.Equal(Start + 10, verifier.ReceiverTimestamp);
    }
}
