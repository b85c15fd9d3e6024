using System.Numerics;
using DroneLiquid.Sensors;
using DroneLiquid.Sensors.Imu;
using DroneLiquid.Sim.Scenarios;
using DroneLiquid.Sim.SensorSources;
using DroneLiquid.Sim.Simulation;
using DroneLiquid.Tests.Shared;

namespace DroneLiquid.Sim.Tests.SensorSources;

public class SimImuSourceTests
{
    [Fact]
    public void SamplesCarryTheSimClockTimeTheyWereTakenAtAndCountUp()
    {
        SimWorld world = TestScenarios.Quiet(startAltitudeMetres: 10f);
        using var source = new SimImuSource(world);
        source.Start();
        long previousSequence = source.ReadLatest().Sequence;
        Assert.Equal(1, previousSequence);
        for (int tick = 0; tick < 50; tick++)
        {
            world.Step(0.01);
            SensorReading<ImuSample> reading = source.ReadLatest();
            Assert.Equal(previousSequence + 1, reading.Sequence);
            Assert.Equal(reading.Sequence, reading.Value.Sequence);
            Assert.Equal(SimTimestamp(world, world.Sensors.Imu.TimestampSeconds), reading.Timestamp);
            Assert.Equal(reading.Timestamp, reading.Value.Timestamp);
            Assert.InRange(reading.AgeSeconds, 0, 0.005 + 1e-9); // 200 Hz IMU
            Assert.Equal(SensorHealth.Ok, reading.Health);
            previousSequence = reading.Sequence;
        }

        // Hovering, level, no noise: specific force about -g on Down, attitude present.
        ImuSample sample = source.ReadLatest().Value;
        Assert.Equal(-ImuUnits.StandardGravityMetresPerSecondSquared, sample.AccelerationFrd.Z, 1);
        Assert.True(sample.HasAttitude);
        Assert.Equal(1f, MathF.Abs(Quaternion.Dot(world.Sensors.Attitude.FrdToNed, sample.AttitudeFrdToNed)), 5);
        Assert.Equal(0.5, world.Clock.ElapsedSeconds, 9);
    }

    [Fact]
    public void ASensorFreezeMakesTheSourceStaleAndItRecovers()
    {
        SimWorld world = TestScenarios.Quiet(startAltitudeMetres: 10f);
        world.Inject(SimEvent.SensorFreeze(0.2, 0.3));
        using var source = new SimImuSource(world, new SimSourceOptions { StaleAfter = TimeSpan.FromMilliseconds(50) });
        source.Start();
        world.Step(0.15);
        Assert.Equal(SensorHealth.Ok, source.ReadLatest().Health);
        world.Step(0.2); // 0.35 s: frozen since 0.2 s
        SensorReading<ImuSample> frozen = source.ReadLatest();
        Assert.Equal(SensorHealth.Stale, frozen.Health);
        Assert.InRange(frozen.AgeSeconds, 0.14, 0.16);
        world.Step(0.2); // 0.55 s: the freeze ended at 0.5 s
        Assert.Equal(SensorHealth.Ok, source.ReadLatest().Health);
    }

    [Fact]
    public void ANoiseFreeWorldAtRestLooksFrozenUnlessTheCheckIsOff()
    {
        SimWorld world = TestScenarios.Quiet(); // landed, no noise: every reading identical
        using var checking = new SimImuSource(world);
        using var withoutCheck = new SimImuSource(world, new SimSourceOptions { FrozenAfter = null });
        checking.Start();
        withoutCheck.Start();
        for (int i = 0; i < 100; i++)
        {
            world.Step(0.01);
            checking.ReadLatest();
            withoutCheck.ReadLatest();
        }

        Assert.True(checking.ReadLatest().Faults.HasFlag(SensorFaults.Frozen));
        Assert.Equal(SensorHealth.Ok, withoutCheck.ReadLatest().Health);
    }

    [Fact]
    public void WithoutPumpOnReadTheSteppingThreadPumps()
    {
        SimWorld world = TestScenarios.Quiet();
        using var source = new SimImuSource(world, new SimSourceOptions { PumpOnRead = false });
        source.Start();
        world.Step(0.05);
        Assert.Equal(1, source.ReadLatest().Sequence);
        Assert.True(source.Pump());
        Assert.False(source.Pump());
        Assert.Equal(2, source.ReadLatest().Sequence);
        source.Stop();
        Assert.Equal(SensorHealth.Failed, source.ReadLatest().Health);
    }

    [Fact]
    public void SteadyStateAllocatesNothingPerSample()
    {
        SimWorld world = TestScenarios.Quiet(startAltitudeMetres: 10f);
        using var source = new SimImuSource(world);
        source.Start();
        Allocations.AssertNonePerCall(() =>
        {
            world.Step(0.005);
            source.ReadLatest();
        }, calls: 500);
        Assert.True(source.Counters.SamplesPublished > 500);
    }

    internal static long SimTimestamp(SimWorld world, double seconds) => (long)Math.Round(seconds * world.Clock.TimestampFrequency);
}
