using System.Numerics;
using DroneLiquid.Sensors.Imu.Mavlink;

namespace DroneLiquid.Sensors.Tests.Imu.Mavlink;

/// <summary>The autopilot's boot-time stamps mapped onto our clock, end to end over the in-memory link.</summary>
public class MavlinkImuTimestampTests
{
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(3);

    [Fact]
    public async Task WithoutTimesyncTheArrivalWindowMapsRemoteTimeWithinTheSmallestLatency()
    {
        await using var rig = await MavlinkImuRig.StartAsync();
        var random = new Random(5);
        long worst = 0;
        for (int i = 0; i < 100; i++)
        {
            long taken = rig.RemoteMicroseconds;
            // 3 ms transport latency plus up to 25 ms of queueing on every other message.
            rig.Clock.Advance(Latency + TimeSpan.FromMicroseconds(i % 2 == 0 ? 0 : random.Next(0, 25_000)));
            await rig.SendAsync(MavlinkImuSourceTests.Highres(taken, new Vector3(i, 0f, 0f), Vector3.Zero));
            long error = rig.Source.ReadLatest().Timestamp - rig.LocalTimestampOf(taken);
            Assert.InRange(error, 0, TimestampTicks(rig, Latency)); // never early, never later than the smallest latency
            worst = Math.Max(worst, error);
            rig.Clock.Advance(TimeSpan.FromMilliseconds(5));
        }

        Assert.Equal(ClockSyncMode.ArrivalWindow, rig.Source.Clock.Mode);
        Assert.Equal(TimestampTicks(rig, Latency), worst);
    }

    [Fact]
    public async Task TimesyncRemovesTheLatencyBias()
    {
        var options = new MavlinkImuOptions { TimesyncInterval = TimeSpan.FromMilliseconds(100) };
        await using var rig = await MavlinkImuRig.StartAsync(options);
        await MavlinkImuRig.WaitUntilAsync(() => rig.Source.Clock.TimesyncSamples >= 1, "a TIMESYNC reply");
        Assert.True(rig.TimesyncAnswers >= 1);

        long taken = rig.RemoteMicroseconds;
        rig.Clock.Advance(Latency);
        await rig.SendAsync(MavlinkImuSourceTests.Highres(taken, Vector3.One, Vector3.Zero));

        Assert.Equal(ClockSyncMode.Timesync, rig.Source.Clock.Mode);
        long error = rig.Source.ReadLatest().Timestamp - rig.LocalTimestampOf(taken);
        Assert.InRange(error, -TimestampTicks(rig, TimeSpan.FromMicroseconds(2)), TimestampTicks(rig, TimeSpan.FromMicroseconds(2)));
    }

    [Fact]
    public async Task AnAutopilotRebootResetsTheMapping()
    {
        await using var rig = await MavlinkImuRig.StartAsync();
        for (int i = 0; i < 20; i++)
        {
            long before = rig.RemoteMicroseconds;
            rig.Clock.Advance(Latency);
            await rig.SendAsync(MavlinkImuSourceTests.Highres(before, new Vector3(i, 0f, 0f), Vector3.Zero));
            rig.Clock.Advance(TimeSpan.FromMilliseconds(10));
        }

        // The autopilot reboots: its clock restarts from zero 4 s from now.
        rig.Clock.Advance(TimeSpan.FromSeconds(4));
        rig.BootOffset = TimeSpan.FromMicroseconds(rig.OurMicroseconds) - TimeSpan.FromSeconds(0.2);
        long taken = rig.RemoteMicroseconds;
        Assert.InRange(taken, 199_000, 201_000);
        rig.Clock.Advance(Latency);
        await rig.SendAsync(MavlinkImuSourceTests.Highres(taken, new Vector3(-1f, 0f, 0f), Vector3.Zero));

        Assert.Equal(1, rig.Source.Clock.RebootsDetected);
        long error = rig.Source.ReadLatest().Timestamp - rig.LocalTimestampOf(taken);
        Assert.InRange(error, 0, TimestampTicks(rig, Latency));
        Assert.Equal(SensorHealth.Ok, rig.Source.ReadLatest().Health);
    }

    [Fact]
    public async Task TimeUsecInUnixTimeIsMappedThroughOurWallClockAndLeavesTheBootMappingAlone()
    {
        await using var rig = await MavlinkImuRig.StartAsync();
        await rig.SendAsync(MavlinkImuSourceTests.Highres(rig.RemoteMicroseconds, Vector3.One, Vector3.Zero));
        long takenAt = rig.Clock.GetTimestamp();
        long unixMicroseconds = (rig.Clock.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks / 10;
        rig.Clock.Advance(Latency);
        await rig.SendAsync(MavlinkImuSourceTests.Highres(unixMicroseconds, Vector3.UnitX, Vector3.Zero));

        Assert.Equal(takenAt, rig.Source.ReadLatest().Timestamp);
        Assert.Equal(0, rig.Source.Clock.RebootsDetected);
        Assert.Equal(2, rig.ReadLatestSequence());
    }

    private static long TimestampTicks(MavlinkImuRig rig, TimeSpan span) => (long)Math.Round(span.TotalSeconds * rig.Clock.TimestampFrequency);
}
