using DroneLiquid.Sensors.Imu.I2c;
using DroneLiquid.Sensors.Tests.Fakes;

namespace DroneLiquid.Sensors.Tests.Imu.I2c;

/// <summary>Failure, recovery, frozen output, saturation and staleness, scripted on a fake clock.</summary>
public class I2cImuSourceHealthTests
{
    private readonly FakeMpu6xxx _chip = FakeMpu6xxx.Mpu6500();
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = I2cImuTestRig.Clock();

    [Fact]
    public void Unhealthy_after_N_consecutive_failures_and_healthy_again_on_success()
    {
        var options = I2cImuTestRig.Options(ImuChip.Mpu6500, 8, 1000);
        options.FailuresBeforeUnhealthy = 3;
        using var source = I2cImuTestRig.Opened(options, _clock, _chip);
        NextSample(source, 1);

        _chip.Nack = true;
        Assert.False(source.SampleOnce());
        Assert.False(source.SampleOnce());
        Assert.Equal(SensorHealth.Ok, source.ReadLatest().Health); // two failures: still within the limit
        Assert.False(source.SampleOnce());
        var failed = source.ReadLatest();
        Assert.Equal(SensorHealth.Failed, failed.Health);
        Assert.True(failed.Faults.HasFlag(SensorFaults.ReadErrors));
        Assert.Equal(new Sensors.Imu.ImuCounters(1, 3, 3, 0), source.Counters);

        _chip.Nack = false;
        NextSample(source, 2);
        var healed = source.ReadLatest();
        Assert.Equal(SensorHealth.Ok, healed.Health);
        Assert.Equal(2, healed.Sequence);
        Assert.Equal(3, source.Counters.ReadErrors);
        Assert.Equal(0, source.Counters.ConsecutiveReadErrors);
    }

    [Fact]
    public void Frozen_output_fails_after_the_limit_and_heals_when_it_moves()
    {
        var options = I2cImuTestRig.Options(ImuChip.Mpu6500, 8, 1000);
        options.StaleAfter = TimeSpan.FromMilliseconds(50);
        options.FrozenAfter = TimeSpan.FromMilliseconds(300);
        using var source = I2cImuTestRig.Opened(options, _clock, _chip);
        _chip.SetAccelerometerRaw(10, 20, 4096);

        for (int i = 0; i < 30; i++)
        {
            source.SampleOnce();
            Assert.Equal(SensorHealth.Ok, source.ReadLatest().Health);
            _clock.Advance(TimeSpan.FromMilliseconds(10));
        }

        source.SampleOnce(); // 300 ms of identical output are tolerated; this one is past the limit
        _clock.Advance(TimeSpan.FromMilliseconds(10));
        source.SampleOnce();
        Assert.Equal(SensorFaults.Frozen, source.ReadLatest().Faults);
        Assert.Equal(SensorHealth.Failed, source.ReadLatest().Health);

        _chip.SetAccelerometerRaw(11, 20, 4096);
        source.SampleOnce();
        Assert.Equal(SensorHealth.Ok, source.ReadLatest().Health);
    }

    [Fact]
    public void Saturation_is_flagged_and_counted_without_failing()
    {
        using var source = I2cImuTestRig.Opened(I2cImuTestRig.Options(ImuChip.Mpu6500, 2, 250), _clock, _chip);
        _chip.SetGyroscopeRaw(0, 0, short.MinValue);

        source.SampleOnce();

        var reading = source.ReadLatest();
        Assert.Equal(SensorFaults.Saturated, reading.Faults);
        Assert.Equal(SensorHealth.Ok, reading.Health);
        Assert.Equal(1, source.Counters.SaturatedSamples);

        _chip.SetGyroscopeRaw(0, 0, 1000);
        source.SampleOnce();
        Assert.Equal(SensorFaults.None, source.ReadLatest().Faults);
    }

    [Fact]
    public void A_source_that_stops_delivering_goes_stale_after_its_age()
    {
        var options = I2cImuTestRig.Options(ImuChip.Mpu6500, 8, 1000);
        options.StaleAfter = TimeSpan.FromMilliseconds(40);
        using var source = I2cImuTestRig.Opened(options, _clock, _chip);
        Assert.Equal(SensorHealth.Stale, source.ReadLatest().Health); // nothing yet
        Assert.Equal(SensorFaults.NoData, source.ReadLatest().Faults);

        source.SampleOnce();
        _clock.Advance(TimeSpan.FromMilliseconds(40));
        var fresh = source.ReadLatest();
        Assert.Equal(SensorHealth.Ok, fresh.Health);
        Assert.Equal(0.040, fresh.AgeSeconds, 9);

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var stale = source.ReadLatest();
        Assert.Equal(SensorHealth.Stale, stale.Health);
        Assert.Equal(SensorFaults.Stale, stale.Faults);
    }

    [Fact]
    public void Sampling_thread_runs_at_the_configured_rate_on_the_injected_clock()
    {
        var options = I2cImuTestRig.Options(ImuChip.Mpu6500, 8, 1000, rateHz: 100);
        using var source = I2cImuTestRig.Source(options, _clock, _chip);
        source.Start();
        WaitFor(() => source.Counters.SamplesPublished == 1 && source.LoopArmCount == 2);

        // Each 10 ms period of fake time gives exactly one sample, taken at the new time.
        for (int i = 0; i < 5; i++)
        {
            _chip.SetAccelerometerRaw((short)i, 0, 4096);
            _clock.Advance(TimeSpan.FromMilliseconds(9));
            Thread.Sleep(5);
            Assert.Equal(i + 1, source.Counters.SamplesPublished); // not yet: 1 ms of the period left
            _clock.Advance(TimeSpan.FromMilliseconds(1));
            WaitFor(() => source.Counters.SamplesPublished == i + 2 && source.LoopArmCount == i + 3);
            Assert.Equal(_clock.GetTimestamp(), source.ReadLatest().Timestamp);
        }

        long published = source.Counters.SamplesPublished;
        Assert.Equal(6, published);
        Assert.Equal(6, source.ReadLatest().Value.Sequence);

        source.Stop();
        _clock.Advance(TimeSpan.FromMilliseconds(50));
        Assert.Equal(published, source.Counters.SamplesPublished);
        Assert.Equal(SensorHealth.Failed, source.ReadLatest().Health);
        Assert.True(source.ReadLatest().Faults.HasFlag(SensorFaults.Stopped));
    }

    private void NextSample(I2cImuSource source, short x)
    {
        _chip.SetAccelerometerRaw(x, 0, 4096);
        Assert.True(source.SampleOnce());
    }

    private static void WaitFor(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the sampling thread did not publish in time");
            Thread.Sleep(1);
        }
    }
}
