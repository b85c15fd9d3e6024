using System.Numerics;
using DroneLiquid.Mavlink.Messages;
using DroneLiquid.Sensors.Imu;
using DroneLiquid.Sensors.Imu.Mavlink;

namespace DroneLiquid.Sensors.Tests.Imu.Mavlink;

public class MavlinkImuSourceTests
{
    private const float G = ImuUnits.StandardGravityMetresPerSecondSquared;

    [Fact]
    public async Task HighresImuArrivesInSiFrdWithTheLatestAttitudeQuaternion()
    {
        await using var rig = await MavlinkImuRig.StartAsync();
        Assert.Equal(SensorHealth.Stale, rig.Source.ReadLatest().Health);

        // 90 degrees of yaw: w = cos 45°, z = sin 45°.
        await rig.SendAsync(new AttitudeQuaternionMessage { TimeBootMs = (uint)(rig.RemoteMicroseconds / 1000), Q1 = 0.7071068f, Q4 = 0.7071068f });
        await rig.SendAsync(Highres(rig.RemoteMicroseconds, new Vector3(0.1f, -0.2f, -G), new Vector3(0.01f, 0.02f, -0.03f), temperature: 41.5f));

        SensorReading<ImuSample> reading = rig.Source.ReadLatest();
        Assert.Equal(SensorHealth.Ok, reading.Health);
        Assert.Equal(1, reading.Sequence);
        Assert.Equal(1, reading.Value.Sequence);
        Assert.Equal(new Vector3(0.1f, -0.2f, -G), reading.Value.AccelerationFrd);
        Assert.Equal(new Vector3(0.01f, 0.02f, -0.03f), reading.Value.AngularRateFrd);
        Assert.True(reading.Value.HasAttitude);
        Vector3 forwardInNed = Vector3.Transform(Vector3.UnitX, reading.Value.AttitudeFrdToNed);
        Assert.Equal(0f, forwardInNed.X, 5);
        Assert.Equal(1f, forwardInNed.Y, 5); // nose pointing east
        Assert.Equal(41.5f, reading.Value.TemperatureCelsius);
        Assert.Equal(1, rig.Source.Counters.SamplesPublished);
    }

    [Fact]
    public async Task ScaledImuConvertsMilliGAndMilliradiansWithEulerAttitude()
    {
        await using var rig = await MavlinkImuRig.StartAsync();
        await rig.SendAsync(new AttitudeMessage { TimeBootMs = (uint)(rig.RemoteMicroseconds / 1000), Roll = 0.5f });
        await rig.SendAsync(new ScaledImuMessage
        {
            TimeBootMs = (uint)(rig.RemoteMicroseconds / 1000),
            Xacc = 1000, Yacc = -500, Zacc = -1000,
            Xgyro = 500, Ygyro = -250, Zgyro = 1,
            Temperature = 0, // "not provided"
        });

        ImuSample sample = rig.Source.ReadLatest().Value;
        AssertClose(new Vector3(G, -0.5f * G, -G), sample.AccelerationFrd, 1e-5f);
        AssertClose(new Vector3(0.5f, -0.25f, 0.001f), sample.AngularRateFrd, 1e-6f);
        Assert.False(sample.HasTemperature);
        Assert.True(sample.HasAttitude);
        Vector3 rightInNed = Vector3.Transform(Vector3.UnitY, sample.AttitudeFrdToNed);
        Assert.Equal(MathF.Sin(0.5f), rightInNed.Z, 5); // rolled right: the right wing points down
    }

    [Fact]
    public async Task RawImuIsIgnoredWithoutScalesAndConvertedWithThem()
    {
        await using (var unscaled = await MavlinkImuRig.StartAsync())
        {
            await unscaled.SendAsync(new RawImuMessage { TimeUsec = (ulong)unscaled.RemoteMicroseconds, Xacc = 4096 });
            Assert.Equal(0, unscaled.ReadLatestSequence());
        }

        var options = new MavlinkImuOptions
        {
            UseTimesync = false,
            RawAccelerationMetresPerSecondSquaredPerCount = G / 4096f,
            RawAngularRateRadiansPerSecondPerCount = ImuUnits.RadiansPerDegree / 16.4f,
        };
        await using var rig = await MavlinkImuRig.StartAsync(options);
        await rig.SendAsync(new RawImuMessage { TimeUsec = (ulong)rig.RemoteMicroseconds, Xacc = 4096, Zacc = -4096, Zgyro = 164, Temperature = 2550 });
        ImuSample sample = rig.Source.ReadLatest().Value;
        AssertClose(new Vector3(G, 0f, -G), sample.AccelerationFrd, 1e-5f);
        AssertClose(new Vector3(0f, 0f, 10f * ImuUnits.RadiansPerDegree), sample.AngularRateFrd, 1e-6f);
        Assert.Equal(25.5f, sample.TemperatureCelsius, 4);
    }

    [Fact]
    public async Task OnlyTheConfiguredSystemIsHeard()
    {
        await using var rig = await MavlinkImuRig.StartAsync();
        await rig.SendAsync(Highres(rig.RemoteMicroseconds, Vector3.One, Vector3.One), systemId: 2);
        Assert.Equal(0, rig.ReadLatestSequence());
        await rig.SendAsync(Highres(rig.RemoteMicroseconds, Vector3.One, Vector3.One));
        Assert.Equal(1, rig.ReadLatestSequence());
    }

    [Fact]
    public async Task HighresWinsWhileFreshAndScaledTakesOverWhenItFallsSilent()
    {
        await using var rig = await MavlinkImuRig.StartAsync();
        await rig.SendAsync(Highres(rig.RemoteMicroseconds, new Vector3(1f, 0f, 0f), Vector3.Zero));
        await rig.SendAsync(new ScaledImuMessage { TimeBootMs = (uint)(rig.RemoteMicroseconds / 1000), Xacc = 2000 });
        Assert.Equal(1f, rig.Source.ReadLatest().Value.AccelerationFrd.X);

        rig.Clock.Advance(TimeSpan.FromMilliseconds(150)); // longer than StaleAfter (0.1 s)
        await rig.SendAsync(new ScaledImuMessage { TimeBootMs = (uint)(rig.RemoteMicroseconds / 1000), Xacc = 2000 });
        Assert.Equal(2f * G, rig.Source.ReadLatest().Value.AccelerationFrd.X, 4);
    }

    [Fact]
    public async Task SilenceMakesTheSampleStaleAndANewOneMakesItOkAgain()
    {
        await using var rig = await MavlinkImuRig.StartAsync();
        await rig.SendAsync(Highres(rig.RemoteMicroseconds, Vector3.One, Vector3.One));
        rig.Clock.Advance(TimeSpan.FromMilliseconds(90));
        Assert.Equal(SensorHealth.Ok, rig.Source.ReadLatest().Health);
        rig.Clock.Advance(TimeSpan.FromMilliseconds(20));
        SensorReading<ImuSample> stale = rig.Source.ReadLatest();
        Assert.Equal(SensorHealth.Stale, stale.Health);
        Assert.True(stale.Faults.HasFlag(SensorFaults.Stale));
        Assert.Equal(0.11, stale.AgeSeconds, 6);

        await rig.SendAsync(Highres(rig.RemoteMicroseconds, Vector3.UnitX, Vector3.One));
        Assert.Equal(SensorHealth.Ok, rig.Source.ReadLatest().Health);
    }

    [Fact]
    public async Task IdenticalReadingsForTooLongAreFrozen()
    {
        await using var rig = await MavlinkImuRig.StartAsync();
        for (int i = 0; i < 30; i++)
        {
            await rig.SendAsync(Highres(rig.RemoteMicroseconds, new Vector3(0f, 0f, -G), Vector3.Zero));
            rig.Clock.Advance(TimeSpan.FromMilliseconds(20));
        }

        SensorReading<ImuSample> reading = rig.Source.ReadLatest();
        Assert.True(reading.Faults.HasFlag(SensorFaults.Frozen));
        Assert.Equal(SensorHealth.Failed, reading.Health);

        await rig.SendAsync(Highres(rig.RemoteMicroseconds, new Vector3(0f, 0.01f, -G), Vector3.Zero));
        Assert.Equal(SensorHealth.Ok, rig.Source.ReadLatest().Health);
    }

    [Fact]
    public async Task NaNMessagesAreCountedNeverPublishedAndFailTheSourceAfterFiveInARow()
    {
        await using var rig = await MavlinkImuRig.StartAsync();
        await rig.SendAsync(Highres(rig.RemoteMicroseconds, Vector3.One, Vector3.One));
        for (int i = 0; i < 5; i++)
        {
            await rig.SendAsync(Highres(rig.RemoteMicroseconds, new Vector3(float.NaN, 0f, 0f), Vector3.One));
            Assert.Equal(i < 4 ? SensorHealth.Ok : SensorHealth.Failed, rig.Source.ReadLatest().Health);
        }

        Assert.Equal(1, rig.ReadLatestSequence());
        Assert.Equal(5, rig.Source.Counters.ReadErrors);
        await rig.SendAsync(Highres(rig.RemoteMicroseconds, Vector3.UnitZ, Vector3.One));
        Assert.Equal(SensorHealth.Ok, rig.Source.ReadLatest().Health);
        Assert.Equal(0, rig.Source.Counters.ConsecutiveReadErrors);
    }

    [Fact]
    public async Task StopMakesTheSourceFailedAndDeaf()
    {
        await using var rig = await MavlinkImuRig.StartAsync();
        await rig.SendAsync(Highres(rig.RemoteMicroseconds, Vector3.One, Vector3.One));
        rig.Source.Stop();
        await rig.SendAsync(Highres(rig.RemoteMicroseconds, Vector3.UnitX, Vector3.One));
        SensorReading<ImuSample> reading = rig.Source.ReadLatest();
        Assert.Equal(1, reading.Sequence);
        Assert.Equal(SensorHealth.Failed, reading.Health);
        Assert.Throws<InvalidOperationException>(rig.Source.Start);
    }

    [Fact]
    public void BadOptionsAreRefusedNamingTheProperty()
    {
        var ex = Assert.Throws<ArgumentException>(() => new MavlinkImuOptions { StaleAfter = TimeSpan.Zero }.Validate());
        Assert.Contains("StaleAfter", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => new MavlinkImuOptions { RawAccelerationMetresPerSecondSquaredPerCount = -1f }.Validate());
        Assert.Contains("RawAccelerationMetresPerSecondSquaredPerCount must be a positive finite number or NaN (unset); got -1", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => new MavlinkImuOptions { TargetSystemId = 0 }.Validate());
        Assert.Contains("TargetSystemId", ex.Message);
    }

    internal static HighresImuMessage Highres(long remoteMicroseconds, Vector3 acceleration, Vector3 rate, float temperature = 35f) => new()
    {
        TimeUsec = (ulong)remoteMicroseconds,
        Xacc = acceleration.X, Yacc = acceleration.Y, Zacc = acceleration.Z,
        Xgyro = rate.X, Ygyro = rate.Y, Zgyro = rate.Z,
        Temperature = temperature,
        FieldsUpdated = 0x3F,
    };

    private static void AssertClose(Vector3 expected, Vector3 actual, float tolerance) =>
        Assert.True(Vector3.Distance(expected, actual) <= tolerance, $"expected {expected}, got {actual}");
}
