using DroneLiquid.Sensors.Imu.Mavlink;
using Microsoft.Extensions.Time.Testing;

namespace DroneLiquid.Sensors.Tests.Imu.Mavlink;

/// <summary>
/// The clock mapping driven directly, message by message, over long runs with a clock offset, drift and jitter.
/// Our clock is a FakeTimeProvider; the autopilot's boot clock runs 1234.5678 s behind it and 50 ppm fast.
/// </summary>
public class RemoteClockMapperTests
{
    private const double BootOffsetSeconds = 1234.5678;
    private const double RemoteRateError = 50e-6;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void ArrivalWindowRejectsQueueingJitterAndDrift()
    {
        RemoteClockMapper mapper = NewMapper();
        var random = new Random(7);
        const double minLatency = 0.001;
        double worstError = 0, worstRawError = 0;
        double localStart = Seconds();
        for (int i = 0; i < 4000; i++)
        {
            // 200 Hz; latency 1 ms + exponential queueing (mean 4 ms), and a 60 ms stall every 500 messages.
            double taken = localStart + (i * 0.005);
            double latency = minLatency + (-Math.Log(1 - random.NextDouble()) * 0.004) + (i % 500 == 499 ? 0.060 : 0);
            long arrival = AdvanceTo(Math.Max(taken + latency, Seconds()));
            long mapped = mapper.ToLocalTimestamp(RemoteMicroseconds(taken), arrival);
            double error = ToSeconds(mapped) - taken;
            if (i >= 256)
            {
                worstError = Math.Max(worstError, Math.Abs(error));
                worstRawError = Math.Max(worstRawError, ToSeconds(arrival) - taken);
            }
        }

        Assert.Equal(ClockSyncMode.ArrivalWindow, mapper.Mode);
        // Stated bound: within the smallest latency plus 0.5 ms, where raw arrival times are off by tens of ms.
        Assert.True(worstError <= minLatency + 0.0005, $"worst mapping error {worstError * 1e3:F3} ms");
        Assert.True(worstRawError > 0.05, $"the jitter in the test is too small to prove anything ({worstRawError * 1e3:F3} ms)");
    }

    [Fact]
    public void TimesyncAveragesAsymmetricRoundTripsAndRejectsSlowOnes()
    {
        RemoteClockMapper mapper = NewMapper();
        var random = new Random(3);
        for (int i = 0; i < 60; i++)
        {
            long sent = _clock.GetTimestamp();
            double up = 0.0005 + (random.NextDouble() * 0.003), down = 0.0005 + (random.NextDouble() * 0.003);
            AdvanceTo(Seconds() + up);
            long tc1 = RemoteMicroseconds(Seconds()) * 1000;
            long arrival = AdvanceTo(Seconds() + down);
            Assert.True(mapper.OnTimesyncReply(tc1, mapper.ToNanoseconds(sent), arrival));
            AdvanceTo(Seconds() + 0.1);
        }

        // A reply that took 30 ms is refused (limit 10 ms).
        long slowSent = _clock.GetTimestamp();
        long slowTc1 = RemoteMicroseconds(Seconds() + 0.025) * 1000;
        Assert.False(mapper.OnTimesyncReply(slowTc1, mapper.ToNanoseconds(slowSent), AdvanceTo(Seconds() + 0.030)));
        Assert.Equal(1, mapper.TimesyncRejected);

        double taken = Seconds();
        long mapped = mapper.ToLocalTimestamp(RemoteMicroseconds(taken), AdvanceTo(taken + 0.020));
        Assert.Equal(ClockSyncMode.Timesync, mapper.Mode);
        double error = ToSeconds(mapped) - taken;
        Assert.True(Math.Abs(error) < 0.0005, $"TIMESYNC mapping error {error * 1e3:F3} ms (round-trip asymmetry up to 3 ms each way)");
    }

    [Fact]
    public void RemoteTimeGoingBackwardsIsARebootThatResetsBothEstimates()
    {
        RemoteClockMapper mapper = NewMapper();
        for (int i = 0; i < 100; i++)
        {
            double taken = Seconds();
            mapper.ToLocalTimestamp(RemoteMicroseconds(taken), AdvanceTo(taken + 0.002));
            AdvanceTo(Seconds() + 0.01);
        }

        long sent = _clock.GetTimestamp();
        mapper.OnTimesyncReply(RemoteMicroseconds(Seconds() + 0.001) * 1000, mapper.ToNanoseconds(sent), AdvanceTo(Seconds() + 0.002));
        Assert.Equal(1, mapper.TimesyncSamples);

        // Reboot: the new boot clock reads 0.3 s now.
        double rebootLocal = Seconds() - 0.3;
        double takenAfter = Seconds();
        long remoteAfter = (long)Math.Round((takenAfter - rebootLocal) * 1e6);
        long mappedAfter = mapper.ToLocalTimestamp(remoteAfter, AdvanceTo(takenAfter + 0.002));
        Assert.Equal(1, mapper.RebootsDetected);
        Assert.Equal(0, mapper.TimesyncSamples);
        Assert.Equal(ClockSyncMode.ArrivalWindow, mapper.Mode);
        Assert.Equal(0.002, ToSeconds(mappedAfter) - takenAfter, 6);

        // Small reordering between streams (ATTITUDE in ms next to HIGHRES_IMU in us) is not a reboot.
        mapper.ToLocalTimestamp(remoteAfter - 900, _clock.GetTimestamp());
        Assert.Equal(1, mapper.RebootsDetected);
    }

    private RemoteClockMapper NewMapper() =>
        new(_clock, 256, TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(5));

    private double Seconds() => (_clock.GetUtcNow() - DateTimeOffset.UnixEpoch).TotalSeconds - 1.7e9;

    private double ToSeconds(long timestamp) => Seconds() - ((_clock.GetTimestamp() - timestamp) / (double)_clock.TimestampFrequency);

    private long AdvanceTo(double seconds)
    {
        long ticks = (long)Math.Round((seconds - Seconds()) * TimeSpan.TicksPerSecond);
        _clock.Advance(TimeSpan.FromTicks(Math.Max(0, ticks)));
        return _clock.GetTimestamp();
    }

    private static long RemoteMicroseconds(double localSeconds) =>
        (long)Math.Round((localSeconds - BootOffsetSeconds) * (1 + RemoteRateError) * 1e6);
}
