using DroneLiquid.Mavlink.Messages;
using DroneLiquid.Mavlink.Tests.Fakes;
using DroneLiquid.Mavlink.Tests.TestData;
using Microsoft.Extensions.Time.Testing;

namespace DroneLiquid.Mavlink.Tests.Signing;

public sealed class MavlinkSignerTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Timestamps_count_10_microsecond_units_since_2015()
    {
        Assert.Equal(0ul, MavlinkTimestamp.FromTime(MavlinkTimestamp.Epoch));
        Assert.Equal(100_000ul, MavlinkTimestamp.FromTime(MavlinkTimestamp.Epoch.AddSeconds(1)));
        Assert.Equal(0ul, MavlinkTimestamp.FromTime(MavlinkTimestamp.Epoch.AddDays(-1)));
        Assert.Equal(Noon, MavlinkTimestamp.ToTime(MavlinkTimestamp.FromTime(Noon)));
    }

    [Fact]
    public void Timestamps_follow_the_clock_and_never_repeat_when_it_stands_still_or_goes_back()
    {
        var clock = new FakeTimeProvider(Noon);
        var signer = new MavlinkSigner(Frames.Key, 1, clock);
        ulong first = signer.NextTimestamp();
        Assert.Equal(MavlinkTimestamp.FromTime(Noon), first);
        Assert.Equal(first + 1, signer.NextTimestamp());
        Assert.Equal(first + 2, signer.NextTimestamp());
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(first + 100_000, signer.NextTimestamp());
    }

    [Fact]
    public void Timestamps_keep_increasing_when_the_wall_clock_steps_back()
    {
        var clock = new FakeWallClock(Noon);
        var signer = new MavlinkSigner(Frames.Key, 1, clock);
        ulong first = signer.NextTimestamp();
        clock.UtcNow = Noon.AddHours(-1);
        Assert.Equal(first + 1, signer.NextTimestamp());
        Assert.Equal(first + 1, signer.LastTimestamp);
    }

    [Fact]
    public void Concurrent_senders_never_share_a_timestamp()
    {
        var signer = new MavlinkSigner(Frames.Key, 1, new FakeTimeProvider(Noon));
        var stamps = new System.Collections.Concurrent.ConcurrentBag<ulong>();
        Parallel.For(0, 4, _ =>
        {
            for (int i = 0; i < 5000; i++)
            {
                stamps.Add(signer.NextTimestamp());
            }
        });
        Assert.Equal(20_000, stamps.Distinct().Count());
    }

    [Fact]
    public void Frames_signed_by_a_signer_verify_in_order_at_the_receiver()
    {
        var clock = new FakeTimeProvider(Noon);
        var signer = new MavlinkSigner(Frames.Key, 2, clock);
        var verifier = new MavlinkSignatureVerifier(Frames.Key, initialTimestamp: MavlinkTimestamp.Now(clock));
        var parser = new MavlinkParser(ArdupilotmegaDialect.Instance, verifier);
        var sink = new FakeFrameHandler();
        var buffer = new byte[MavlinkWire.MaxFrameLength];
        var heartbeat = new HeartbeatMessage { Type = 18 };
        for (int i = 0; i < 5; i++)
        {
            int n = MavlinkEncoder.EncodeSigned(buffer, in heartbeat, new MavlinkHeader(1, 191, (byte)i), signer);
            parser.Parse(buffer.AsSpan(0, n), sink);
        }
        Assert.Equal(5, sink.Frames.Count(f => f.Verdict == MavlinkFrameVerdict.Ok && f.Signed));
        Assert.Equal(signer.LastTimestamp, verifier.ReceiverTimestamp);
    }
}
