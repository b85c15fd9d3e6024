using Microsoft.Extensions.Time.Testing;
using DroneLiquid.Tests.Shared;

namespace DroneLiquid.Sensors.Tests;

public class SensorChannelTests
{
    [Fact]
    public void Reading_carries_sequence_timestamp_age_and_staleness()
    {
        var clock = new FakeTimeProvider();
        var channel = new SensorChannel<int>(clock, TimeSpan.FromMilliseconds(20));
        long taken = clock.GetTimestamp();
        Assert.Equal(1, channel.Publish(42, taken));
        Assert.Equal(2, channel.Publish(43, taken));

        clock.Advance(TimeSpan.FromMilliseconds(15));
        var fresh = channel.ReadLatest();
        Assert.Equal((43, 2L, taken, SensorHealth.Ok), (fresh.Value, fresh.Sequence, fresh.Timestamp, fresh.Health));
        Assert.Equal(0.015, fresh.AgeSeconds, 9);

        clock.Advance(TimeSpan.FromMilliseconds(10));
        Assert.Equal(SensorHealth.Stale, channel.ReadLatest().Health);
    }

    [Fact]
    public void Producer_faults_combine_with_staleness_and_the_worst_wins()
    {
        var clock = new FakeTimeProvider();
        var channel = new SensorChannel<int>(clock, TimeSpan.FromMilliseconds(20));
        channel.Publish(1, clock.GetTimestamp());
        channel.SetFaults(SensorFaults.Saturated, present: true);
        Assert.Equal(SensorHealth.Ok, channel.ReadLatest().Health);

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(SensorHealth.Stale, channel.ReadLatest().Health);

        channel.SetFaults(SensorFaults.ReadErrors, present: true);
        var reading = channel.ReadLatest();
        Assert.Equal(SensorHealth.Failed, reading.Health);
        Assert.Equal(SensorFaults.Saturated | SensorFaults.Stale | SensorFaults.ReadErrors, reading.Faults);
    }

    [Fact]
    public void Reading_the_latest_allocates_nothing()
    {
        var clock = new FakeTimeProvider();
        var channel = new SensorChannel<long>(clock, TimeSpan.FromMilliseconds(20));
        channel.Publish(1, clock.GetTimestamp());
        channel.ReadLatest();

        long sum = 0;
        Allocations.AssertNone(() =>
        {
            for (int i = 0; i < 10_000; i++)
            {
                channel.Publish(i, clock.GetTimestamp());
                sum += channel.ReadLatest().Value;
            }
        });

        Assert.True(sum > 0);
    }
}
