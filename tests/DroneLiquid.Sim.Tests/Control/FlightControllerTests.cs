using System.Numerics;
using DroneLiquid.Sim.Control;
using DroneLiquid.Sim.Frames;
using DroneLiquid.Sim.Simulation;
using Xunit.Abstractions;

namespace DroneLiquid.Sim.Tests.Control;

public class FlightControllerTests(ITestOutputHelper output)
{
    private static SimWorld Hovering(float altitude = 5f, float yaw = 0f)
    {
        SimWorld sim = TestScenarios.Quiet(altitude, yaw);
        sim.Step(3.0);
        return sim;
    }

    [Fact]
    public void Takes_off_to_the_requested_altitude_and_holds_it()
    {
        SimWorld sim = TestScenarios.Quiet();
        Assert.Equal(CommandResult.Accepted, sim.Controller.Takeoff(5f));
        Assert.Equal(CommandResult.Accepted, sim.Controller.Arm());

        double reached = TestScenarios.StepUntil(sim, s => s.Controller.Mode == FlightMode.Hold, 15);
        output.WriteLine($"takeoff reached hold after {reached:F2} s at {sim.Vehicle.State.AltitudeMetres:F3} m");
        Assert.InRange(reached, 3.0, 7.0); // 5 m at about 1.2 m/s

        float min = float.MaxValue, max = float.MinValue;
        for (int i = 0; i < 500; i++)
        {
            sim.Step(0.01);
            min = MathF.Min(min, sim.Vehicle.State.AltitudeMetres);
            max = MathF.Max(max, sim.Vehicle.State.AltitudeMetres);
        }

        output.WriteLine($"hover altitude {min:F3}..{max:F3} m");
        Assert.InRange(min, 4.9f, 5.1f);
        Assert.InRange(max, 4.9f, 5.1f);
        Assert.Equal(EpisodeStatus.Running, sim.Status);
    }

    [Fact]
    public void Holds_altitude_within_a_decimetre_in_hover_with_sensor_noise_and_gusty_wind()
    {
        var scenario = TestScenarios.Empty(5f) with { WindMeanNed = new Vector3(2f, 1f, 0f), GustStdMetresPerSecond = 0.5f };
        var sim = new SimWorld(scenario);
        sim.Step(3.0);
        float worst = 0f;
        for (int i = 0; i < 1000; i++)
        {
            sim.Step(0.01);
            worst = MathF.Max(worst, MathF.Abs(sim.Vehicle.State.AltitudeMetres - 5f));
        }

        output.WriteLine($"worst altitude error {worst:F3} m");
        Assert.InRange(worst, 0f, 0.1f);
    }

    [Fact]
    public void A_velocity_step_settles_within_the_designed_time()
    {
        SimWorld sim = Hovering();
        Assert.Equal(CommandResult.Accepted, sim.Controller.SetVelocityNed(new VelocityNed(2f, 0f, 0f)));
        double t63 = double.NaN, t95 = double.NaN;
        float worstAltitude = 0f;
        for (int i = 1; i <= 600; i++)
        {
            sim.Step(0.005);
            float vx = sim.Vehicle.State.VelocityNed.X;
            if (double.IsNaN(t63) && vx >= 0.63f * 2f)
            {
                t63 = i * 0.005;
            }

            if (double.IsNaN(t95) && vx >= 0.95f * 2f)
            {
                t95 = i * 0.005;
            }

            worstAltitude = MathF.Max(worstAltitude, MathF.Abs(sim.Vehicle.State.AltitudeMetres - 5f));
        }

        output.WriteLine($"63% after {t63:F3} s, 95% after {t95:F3} s, final {sim.Vehicle.State.VelocityNed.X:F3} m/s, altitude error {worstAltitude:F3} m");
        Assert.InRange(t63, 0.2, 1.0);
        Assert.InRange(t95, 0.4, 2.5);
        Assert.InRange(sim.Vehicle.State.VelocityNed.X, 1.9f, 2.1f);
        Assert.InRange(worstAltitude, 0f, 0.15f);
    }

    [Fact]
    public void Lands_at_the_landing_speed_detects_touchdown_and_disarms()
    {
        SimWorld sim = Hovering(altitude: 4f);
        Assert.Equal(CommandResult.Denied, sim.Controller.Disarm());
        Assert.Equal(CommandResult.Accepted, sim.Controller.Land());

        sim.Step(2.5);
        float descent = sim.Vehicle.State.VelocityNed.Z;
        output.WriteLine($"descending at {descent:F3} m/s");
        Assert.InRange(descent, 0.6f, 0.8f);

        double landed = TestScenarios.StepUntil(sim, s => s.Controller.Landed, 10);
        double disarmed = TestScenarios.StepUntil(sim, s => !s.Controller.Armed, 5);
        output.WriteLine($"landing detected {landed:F2} s later, disarmed {disarmed:F2} s after that");
        Assert.False(double.IsNaN(landed));
        Assert.InRange(disarmed, 1.5, 2.6); // DisarmAfterLandSeconds = 2
        Assert.Equal(0f, sim.Vehicle.State.PositionNed.Z);
        Assert.True(sim.Vehicle.Landed);
        Assert.Equal(EpisodeStatus.Running, sim.Status);
        Assert.Contains(sim.Recorder.Events, e => e.Kind == "landing_detected");
        Assert.Contains(sim.Recorder.Events, e => e.Kind == "disarmed");
    }

    [Fact]
    public void Body_velocity_is_rotated_by_the_heading_while_NED_velocity_is_not()
    {
        float yaw = 0.5f * MathF.PI; // facing east
        SimWorld body = Hovering(yaw: yaw);
        Assert.Equal(CommandResult.Accepted, body.Controller.SetVelocityBody(new VelocityFrd(2f, 0f, 0f)));
        body.Step(4.0);
        Vector3 vBody = body.Vehicle.State.VelocityNed;

        SimWorld ned = Hovering(yaw: yaw);
        Assert.Equal(CommandResult.Accepted, ned.Controller.SetVelocityNed(new VelocityNed(2f, 0f, 0f)));
        ned.Step(4.0);
        Vector3 vNed = ned.Vehicle.State.VelocityNed;

        output.WriteLine($"body forward 2 m/s at yaw 90 deg -> NED {vBody}; NED north 2 m/s -> {vNed}");
        Assert.InRange(vBody.Y, 1.9f, 2.1f);
        Assert.InRange(MathF.Abs(vBody.X), 0f, 0.1f);
        Assert.InRange(vNed.X, 1.9f, 2.1f);
        Assert.InRange(MathF.Abs(vNed.Y), 0f, 0.1f);
        Assert.Equal(yaw, ned.Sensors.Estimate.YawRadians, 1);
    }

    [Fact]
    public void Follows_a_yaw_rate_and_turns_a_body_velocity_into_an_arc()
    {
        SimWorld sim = Hovering();
        Assert.Equal(CommandResult.Accepted, sim.Controller.SetVelocityBody(new VelocityFrd(2f, 0f, 0f), yawRateRadiansPerSecond: 0.5f));
        sim.Step(1.0);
        sim.Step(2.0);
        float rate = sim.Vehicle.State.AngularRateFrd.Z;
        float yaw = sim.Sensors.Estimate.YawRadians;
        Vector3 v = sim.Vehicle.State.VelocityNed;
        float track = MathF.Atan2(v.Y, v.X);
        output.WriteLine($"yaw rate {rate:F3} rad/s, yaw {yaw:F3} rad, ground track {track:F3} rad");
        Assert.InRange(rate, 0.45f, 0.55f);
        Assert.InRange(yaw, 1.2f, 1.6f); // about 0.5 rad/s for 3 s, less the spin-up
        Assert.InRange(FlightController.WrapAngle(yaw - track), -0.4f, 0.4f);
    }

    [Theory]
    [InlineData(float.NaN, 0f, 0f)]
    [InlineData(0f, float.PositiveInfinity, 0f)]
    [InlineData(0f, 0f, float.NegativeInfinity)]
    public void Non_finite_setpoints_are_rejected_and_never_reach_the_motors(float vn, float ve, float vd)
    {
        SimWorld sim = Hovering();
        Assert.Equal(CommandResult.Accepted, sim.Controller.SetVelocityNed(new VelocityNed(1f, 0f, 0f)));
        Assert.Equal(CommandResult.RejectedNotFinite, sim.Controller.SetVelocityNed(new VelocityNed(vn, ve, vd)));
        Assert.Equal(CommandResult.RejectedNotFinite, sim.Controller.SetVelocityBody(new VelocityFrd(vn, ve, vd)));
        Assert.Equal(CommandResult.RejectedNotFinite, sim.Controller.SetVelocityNed(new VelocityNed(1f, 0f, 0f), float.NaN));
        Assert.Equal(CommandResult.RejectedNotFinite, sim.Controller.SetVelocityNedYawRate(new VelocityNed(1f, 0f, 0f), float.NaN));
        Assert.Equal(CommandResult.RejectedNotFinite, sim.Controller.Takeoff(float.NaN));
        Assert.Equal(CommandResult.RejectedNotFinite, sim.Controller.HoldAt(new PositionNed(float.NaN, 0f, -5f), 0f));

        sim.Step(3.0);
        Assert.True(sim.Vehicle.State.IsFinite);
        Assert.True(float.IsFinite(sim.Controller.Throttles.X + sim.Controller.Throttles.Y + sim.Controller.Throttles.Z + sim.Controller.Throttles.W));
        Assert.InRange(sim.Vehicle.State.VelocityNed.X, 0.9f, 1.1f); // the previous setpoint stays in force
        Assert.Equal(EpisodeStatus.Running, sim.Status);
    }

    [Fact]
    public void Huge_setpoints_are_rejected_and_large_ones_clamped_to_the_limits()
    {
        SimWorld sim = Hovering(altitude: 20f);
        Assert.Equal(CommandResult.RejectedOutOfRange, sim.Controller.SetVelocityNed(new VelocityNed(1e6f, 0f, 0f)));
        Assert.Equal(CommandResult.RejectedOutOfRange, sim.Controller.SetVelocityBody(new VelocityFrd(0f, 0f, -1e9f)));
        Assert.Equal(CommandResult.RejectedOutOfRange, sim.Controller.SetVelocityNedYawRate(new VelocityNed(0f, 0f, 0f), 1e4f));
        Assert.Equal(CommandResult.RejectedOutOfRange, sim.Controller.HoldAt(new PositionNed(1e7f, 0f, -5f), 0f));
        Assert.Equal(FlightMode.Hold, sim.Controller.Mode);

        Assert.Equal(CommandResult.Accepted, sim.Controller.SetVelocityNed(new VelocityNed(0f, 50f, 0f)));
        sim.Step(1.0);
        Assert.Equal(sim.Controller.Tuning.MaxHorizontalSpeedMetresPerSecond, sim.Controller.VelocityTargetNed.Y, 2);
        Assert.True(sim.Vehicle.State.IsFinite);
    }

    [Fact]
    public void Arming_is_refused_in_the_air_and_disarming_is_refused_in_flight_unless_forced()
    {
        SimWorld sim = Hovering();
        Assert.Equal(CommandResult.Denied, sim.Controller.Disarm());
        Assert.True(sim.Controller.Armed);
        Assert.Equal(CommandResult.Denied, sim.Controller.Takeoff(10f));
        Assert.Equal(CommandResult.Accepted, sim.Controller.Disarm(force: true));
        sim.Step(0.5);
        Assert.True(sim.Vehicle.State.VelocityNed.Z > 3f); // falling
    }

    [Fact]
    public void Returns_home_climbing_first_and_lands_there()
    {
        SimWorld sim = Hovering(altitude: 3f);
        sim.Controller.HoldAt(new PositionNed(20f, -10f, -3f), 0f);
        sim.Step(10.0);
        Assert.InRange(Vector2.Distance(new Vector2(sim.Vehicle.State.PositionNed.X, sim.Vehicle.State.PositionNed.Y), new Vector2(20f, -10f)), 0f, 0.3f);

        Assert.Equal(CommandResult.Accepted, sim.Controller.Return());
        sim.Step(2.0);
        Assert.True(sim.Vehicle.State.AltitudeMetres > 6f, $"climbs toward the return altitude first, at {sim.Vehicle.State.AltitudeMetres:F2} m");
        Assert.InRange(sim.Vehicle.State.PositionNed.X, 19f, 21f);

        double disarmed = TestScenarios.StepUntil(sim, s => !s.Controller.Armed, 60);
        Vector3 p = sim.Vehicle.State.PositionNed;
        output.WriteLine($"disarmed at home after {disarmed:F1} s, at {p}");
        Assert.False(double.IsNaN(disarmed));
        Assert.InRange(new Vector2(p.X, p.Y).Length(), 0f, 0.7f);
        Assert.Equal(0f, p.Z);
    }
}
