using System.Numerics;
using DroneLiquid.Sim.Control;
using DroneLiquid.Sim.Frames;
using DroneLiquid.Sim.Scenarios;
using DroneLiquid.Sim.Simulation;
using DroneLiquid.Sim.Worlds;
using DroneLiquid.Tests.Shared;

namespace DroneLiquid.Sim.Tests.Simulation;

public class SimWorldTests
{
    private static Scenario Gusty(ulong seed) => TestScenarios.Empty(0f, seed) with
    {
        World = WorldKind.Forest,
        Density = 0.3f,
        ExtentMetres = 60,
        TargetNed = new Vector3(50f, 50f, -3f),
        WindMeanNed = new Vector3(1f, 2f, 0f),
        GustStdMetresPerSecond = 1f,
        Events = [SimEvent.WindGust(4, new Vector3(3f, 0f, 0f), 2)],
    };

    private static QuadrotorSnapshot Fly(Scenario scenario)
    {
        var sim = new SimWorld(scenario);
        sim.Controller.Takeoff(3f);
        sim.Controller.Arm();
        sim.Step(5.0);
        sim.Controller.SetVelocityBody(new VelocityFrd(1.5f, 0.3f, 0f), 0.2f);
        sim.Step(3.3);
        return new QuadrotorSnapshot(sim.Vehicle.State.PositionNed, sim.Vehicle.State.AttitudeFrdToNed, sim.Sensors.Imu.SpecificForceFrd, sim.Battery.VoltageVolts);
    }

    private readonly record struct QuadrotorSnapshot(Vector3 Position, Quaternion Attitude, AccelerationFrd Imu, float Voltage);

    [Fact]
    public void A_run_is_deterministic_for_a_seed_and_differs_for_another()
    {
        QuadrotorSnapshot a = Fly(Gusty(42));
        QuadrotorSnapshot b = Fly(Gusty(42));
        QuadrotorSnapshot c = Fly(Gusty(43));

        Assert.Equal(a, b); // bit for bit: every float equal
        Assert.NotEqual(a.Position, c.Position);
    }

    [Fact]
    public void Steps_of_any_size_land_on_the_same_fixed_physics_steps()
    {
        SimWorld coarse = TestScenarios.Quiet(5f);
        SimWorld fine = TestScenarios.Quiet(5f);
        coarse.Controller.SetVelocityNed(new VelocityNed(1f, 0f, 0f));
        fine.Controller.SetVelocityNed(new VelocityNed(1f, 0f, 0f));
        coarse.Step(1.0);
        for (int i = 0; i < 300; i++)
        {
            fine.Step(1.0 / 300);
        }

        Assert.Equal(coarse.ElapsedSeconds, fine.ElapsedSeconds, 9);
        Assert.Equal(coarse.Vehicle.State.PositionNed, fine.Vehicle.State.PositionNed);
    }

    [Fact]
    public void The_clock_is_a_TimeProvider_that_moves_only_with_the_simulation_and_fires_timers_in_sim_time()
    {
        SimWorld sim = TestScenarios.Quiet();
        TimeProvider clock = sim.Clock;
        DateTimeOffset start = clock.GetUtcNow();
        long stamp = clock.GetTimestamp();
        var fired = new List<double>();
        using ITimer timer = clock.CreateTimer(_ => fired.Add(sim.Clock.ElapsedSeconds), null, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1));

        Thread.Sleep(20);
        Assert.Equal(start, clock.GetUtcNow());
        sim.Step(2.6);

        Assert.Equal(TimeSpan.FromSeconds(2.6), clock.GetUtcNow() - start);
        Assert.Equal(2.6, clock.GetElapsedTime(stamp).TotalSeconds, 6);
        Assert.Equal([0.5, 1.5, 2.5], fired.Select(t => Math.Round(t, 3)));
    }

    [Fact]
    public void Flying_into_an_obstacle_ends_the_episode_as_a_crash_and_stops_the_physics()
    {
        Obstacle[] wall = [Obstacle.Box(10f, -5f, 11f, 5f, 0f, 10f, Vector3.One)];
        Scenario scenario = TestScenarios.Empty(3f) with { TargetNed = new Vector3(30f, 0f, -3f), ExtentMetres = 40 };
        var sim = new SimWorld(scenario, world: new World(WorldKind.Empty, 40f, wall, scenario.TargetNed, 0.4f));
        sim.Controller.SetVelocityNed(new VelocityNed(3f, 0f, 0f));

        double crashed = TestScenarios.StepUntil(sim, s => s.Status != EpisodeStatus.Running, 15);
        Vector3 where = sim.Vehicle.State.PositionNed;
        sim.Step(1.0);

        Assert.Equal(EpisodeStatus.Crashed, sim.Status);
        Assert.InRange(crashed, 2.0, 6.0);
        Assert.Contains("collision with obstacle 0 (box)", sim.CrashReason);
        Assert.InRange(where.X, 9.5f, 9.7f); // collision radius 0.35 m before the wall face
        Assert.Equal(where, sim.Vehicle.State.PositionNed);
        Assert.True(sim.MinClearanceMetres < 0.35f);
        FlightSummaryAssert.Crash(sim.Summary(), "collision");
    }

    [Fact]
    public void Hitting_the_ground_fast_is_a_crash_and_a_gentle_landing_is_not()
    {
        SimWorld falling = TestScenarios.Quiet(8f);
        falling.Controller.Disarm(force: true);
        TestScenarios.StepUntil(falling, s => s.Status != EpisodeStatus.Running, 5);
        Assert.Equal(EpisodeStatus.Crashed, falling.Status);
        Assert.StartsWith("hit the ground at", falling.CrashReason);

        SimWorld landing = TestScenarios.Quiet(3f);
        landing.Controller.Land();
        TestScenarios.StepUntil(landing, s => !s.Controller.Armed, 15);
        Assert.Equal(EpisodeStatus.Running, landing.Status);
    }

    [Fact]
    public void Reaching_the_target_succeeds_and_the_time_limit_times_out()
    {
        SimWorld sim = new(TestScenarios.Empty(3f, target: new Vector3(8f, 0f, -3f)) with { SuccessRadiusMetres = 1f }, new SimWorldOptions());
        sim.Controller.SetVelocityNed(new VelocityNed(2f, 0f, 0f));
        TestScenarios.StepUntil(sim, s => s.Status != EpisodeStatus.Running, 10);
        Assert.Equal(EpisodeStatus.Succeeded, sim.Status);
        Assert.True(sim.Summary().Success);
        Assert.InRange(sim.Summary().PathLengthM, 6.5, 8.5);

        SimWorld slow = new(TestScenarios.Empty(3f) with { TimeLimitSeconds = 2 });
        slow.Step(3);
        Assert.Equal(EpisodeStatus.TimedOut, slow.Status);
        Assert.Equal("timedout", slow.Summary().Outcome);
        Assert.Equal(2.0, slow.Summary().TimeS, 2);
    }

    [Fact]
    public void Scheduled_events_push_freeze_and_drain()
    {
        Scenario scenario = TestScenarios.Empty(5f) with
        {
            Events =
            [
                SimEvent.WindGust(1, new Vector3(0f, 8f, 0f), 2),
                SimEvent.SensorFreeze(4, 1),
                SimEvent.LowBattery(6, 0.15f),
            ],
        };
        var sim = new SimWorld(scenario, new SimWorldOptions { Noise = Sensors.SensorNoise.None });
        sim.Step(2.0);
        Assert.True(sim.Wind.CurrentNed.Y > 7f, $"gust at its peak: {sim.Wind.CurrentNed}");
        Assert.True(sim.Vehicle.State.PositionNed.Y > 0.05f, "the gust pushes the vehicle east");

        sim.Step(2.5); // 4.5 s: frozen since 4 s
        Assert.Equal(4.0, sim.Sensors.LocalPosition.TimestampSeconds, 6);
        Assert.Equal(4.0, sim.Sensors.Imu.TimestampSeconds, 6);
        long imuCount = sim.Sensors.ImuSampleCount;
        sim.Step(0.7); // 5.2 s: thawed
        Assert.Equal(5.2, sim.Sensors.LocalPosition.TimestampSeconds, 6);
        Assert.True(sim.Sensors.ImuSampleCount >= imuCount + 30);

        float before = sim.Battery.RemainingFraction;
        sim.Step(1.0);
        Assert.True(before > 0.9f);
        Assert.InRange(sim.Battery.RemainingFraction, 0.14f, 0.15f);
        Assert.InRange(sim.Sensors.Battery.RemainingFraction, 0.14f, 0.15f);
        Assert.Equal(["wind_gust", "sensor_freeze", "low_battery"], sim.Recorder.Events.Select(e => e.Kind).Where(k => k is "wind_gust" or "sensor_freeze" or "low_battery"));
    }

    [Fact]
    public void Battery_drains_with_thrust_and_the_voltage_sags_under_load()
    {
        SimWorld sim = TestScenarios.Quiet();
        sim.Step(2.0);
        float restingVoltage = sim.Battery.VoltageVolts;
        float restingRemaining = sim.Battery.RemainingFraction;
        sim.Controller.Takeoff(5f);
        sim.Controller.Arm();
        sim.Step(10.0);

        Assert.True(sim.Battery.CurrentAmperes > 10f, $"hover draws {sim.Battery.CurrentAmperes:F1} A");
        Assert.True(sim.Battery.VoltageVolts < restingVoltage - 0.2f);
        Assert.True(sim.Battery.RemainingFraction < restingRemaining - 0.005f);
        Assert.InRange(sim.Sensors.Battery.VoltageVolts, 14f, 16.8f);
    }

    [Fact]
    public void The_IMU_reads_specific_force_and_rates_in_FRD_at_its_rate()
    {
        SimWorld sim = TestScenarios.Quiet(5f, yawRadians: 1f);
        sim.Step(2.0);
        long count = sim.Sensors.ImuSampleCount;
        sim.Step(1.0);
        Assert.Equal(200, sim.Sensors.ImuSampleCount - count);
        AccelerationFrd f = sim.Sensors.Imu.SpecificForceFrd;
        Assert.Equal(-9.80665f, f.DownMetresPerSecondSquared, 1);
        Assert.InRange(MathF.Abs(f.ForwardMetresPerSecondSquared) + MathF.Abs(f.RightMetresPerSecondSquared), 0f, 0.1f);
        Assert.Equal(1f, sim.Sensors.Attitude.Euler.YawRadians, 2);
    }

    [Fact]
    public void Stepping_allocates_nothing_after_start_up()
    {
        // Above the canopies, so that no crash (an event, which is recorded with a message) interrupts the flight.
        SimWorld sim = new(TestScenarios.Empty(25f) with { World = WorldKind.Forest, Density = 0.3f, ExtentMetres = 60, GustStdMetresPerSecond = 1f });
        sim.Controller.SetVelocityNed(new VelocityNed(0.5f, 0f, 0f));
        sim.Step(1.0);
        Allocations.AssertNonePerCall(() =>
        {
            sim.Controller.SetVelocityNed(new VelocityNed(0.5f, 0.1f, 0f), 0.2f);
            sim.Step(0.01);
        }, calls: 500);

        Assert.Equal(EpisodeStatus.Running, sim.Status);
        Assert.Equal(FlightMode.Velocity, sim.Controller.Mode);
    }
}
