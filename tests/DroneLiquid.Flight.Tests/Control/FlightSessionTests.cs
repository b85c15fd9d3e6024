using DroneLiquid.Flight.Control;
using DroneLiquid.Flight.Failsafe;
using DroneLiquid.Flight.Frames;
using DroneLiquid.Flight.Tests.Fakes;
using DroneLiquid.FirmwareBridge;

namespace DroneLiquid.Flight.Tests.Control;

/// <summary>
/// Whole flights on a fake clock and a fake autopilot, one per mission end and failsafe trigger: each ends in its
/// defined state, with every setpoint inside the envelope and none sent outside policy control.
/// </summary>
public class FlightSessionTests
{
    [Fact]
    public async Task Reaching_the_target_lands_and_counts_as_success()
    {
        await using var rig = new FakeSessionRig();
        rig.FlyToPolicyControl();
        rig.Tick(50);
        Assert.True(rig.Autopilot.SetpointCount >= 45, $"{rig.Autopilot.SetpointCount} setpoints in 50 ticks");
        rig.Autopilot.TeleportTo(59, 0.5f, -5);
        var outcome = rig.Finish();

        Assert.Equal(FlightState.Landed, outcome.FinalState);
        Assert.True(outcome.Success);
        Assert.Equal("mission done: target reached", outcome.Reason);
        Assert.Equal(1, rig.Autopilot.LandCalls);
        Assert.Equal([FailsafeTrigger.TargetReached], outcome.Failsafes.Select(t => t.Trigger));
        Assert.Equal(rig.Autopilot.SetpointCount, outcome.SetpointsSent);
        Assert.True(outcome.DistanceFlownMetres > 50, $"flown {outcome.DistanceFlownMetres} m (teleport included)");
        Assert.False(rig.Autopilot.Telemetry.Armed);
        rig.AssertSetpointsInsideEnvelope();
    }

    [Fact]
    public async Task The_time_limit_lands_without_success()
    {
        await using var rig = new FakeSessionRig(FakeSessionRig.FarPlan with { TimeLimit = TimeSpan.FromSeconds(2) });
        rig.FlyToPolicyControl();
        var outcome = rig.Finish();

        Assert.Equal(FlightState.Landed, outcome.FinalState);
        Assert.False(outcome.Success);
        Assert.Equal("mission done: time limit", outcome.Reason);
        Assert.InRange(outcome.SetpointsSent, 90, 102);
        rig.AssertSetpointsInsideEnvelope();
    }

    [Fact]
    public async Task A_lost_heartbeat_holds_then_lands_after_the_hold_timeout()
    {
        await using var rig = new FakeSessionRig();
        rig.FlyToPolicyControl();
        rig.Tick(10);
        rig.Autopilot.HeartbeatLost = true;
        rig.TickUntil(() => rig.Autopilot.HoldCalls == 1, 200, "Hold");
        int sentAtHold = rig.Autopilot.SetpointCount;
        var outcome = rig.Finish();

        Assert.Equal(FlightState.Landed, outcome.FinalState);
        Assert.Equal([FailsafeTrigger.HeartbeatLost, FailsafeTrigger.HoldTimeout], outcome.Failsafes.Select(t => t.Trigger));
        Assert.Equal(sentAtHold, rig.Autopilot.SetpointCount);
        Assert.Equal(1, rig.Autopilot.LandCalls);
        rig.AssertSetpointsInsideEnvelope();
    }

    [Fact]
    public async Task A_stale_sensor_holds_resumes_when_fresh_and_lands_when_it_stays_stale()
    {
        await using var rig = new FakeSessionRig();
        rig.FlyToPolicyControl();
        rig.Autopilot.PositionFrozen = true;
        rig.TickUntil(() => rig.Session.State == FlightState.Holding, 100, "Holding");
        rig.TickUntil(() => rig.Autopilot.HoldCalls == 1, 50, "Hold commanded");
        int sent = rig.Autopilot.SetpointCount;
        rig.Tick(10);
        Assert.Equal(sent, rig.Autopilot.SetpointCount);

        rig.Autopilot.PositionFrozen = false;
        rig.TickUntil(() => rig.Session.State == FlightState.PolicyControl, 10, "resumed");
        // The session takes velocity control back by itself; the autopilot accepts setpoints again.
        rig.TickUntil(() => rig.Autopilot.Mode == ControlMode.VelocityControl && rig.Autopilot.SetpointCount > sent, 50, "velocity control and setpoints again");

        rig.Autopilot.PositionFrozen = true;
        rig.TickUntil(() => rig.Session.State == FlightState.Holding, 100, "Holding again");
        // The second hold is a hold of its own: the autopilot is told again.
        rig.TickUntil(() => rig.Autopilot.HoldCalls == 2, 50, "second Hold command");
        var outcome = rig.Finish();
        Assert.Equal(FlightState.Landed, outcome.FinalState);
        Assert.Equal([FailsafeTrigger.SensorStale, FailsafeTrigger.SensorStale, FailsafeTrigger.HoldTimeout], outcome.Failsafes.Select(t => t.Trigger));
        rig.AssertSetpointsInsideEnvelope();
    }

    [Fact]
    public async Task A_stale_sensor_during_take_off_lets_the_autopilot_finish_it_and_velocity_control_waits_until_it_clears()
    {
        await using var rig = new FakeSessionRig();
        var takeoffDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        rig.Autopilot.TakeoffHeldUntil = takeoffDone.Task;
        rig.Start();
        rig.TickUntil(() => rig.Autopilot.Mode == ControlMode.Takeoff, 2000, "taking off");
        rig.Autopilot.PositionFrozen = true;
        rig.TickUntil(() => rig.Session.State == FlightState.Holding, 100, "Holding");
        rig.Tick(10);
        // The hold clears by itself: the autopilot's own take-off goes on, neither held nor cancelled.
        Assert.Equal(0, rig.Autopilot.HoldCalls);
        Assert.False(rig.Autopilot.TakeoffCancelled);

        takeoffDone.SetResult();
        rig.Tick(10);
        Assert.Equal(0, rig.Autopilot.VelocityControlStarts); // start-up waits while the machine holds
        rig.Autopilot.PositionFrozen = false;
        rig.TickUntil(() => rig.Session.State == FlightState.PolicyControl, 200, "policy control once the hold cleared");
        rig.TickUntil(() => rig.Autopilot.SetpointCount > 0, 50, "setpoints");
        rig.Autopilot.TeleportTo(59, 0.5f, -5);
        var outcome = rig.Finish();

        Assert.True(outcome.Success);
        Assert.Equal([FailsafeTrigger.SensorStale, FailsafeTrigger.TargetReached], outcome.Failsafes.Select(t => t.Trigger));
        Assert.Equal(0, rig.Autopilot.HoldCalls);
        Assert.Equal(1, rig.Autopilot.VelocityControlStarts);
        rig.AssertSetpointsInsideEnvelope();
    }

    [Fact]
    public async Task A_lost_heartbeat_during_take_off_cancels_it_holds_and_lands()
    {
        await using var rig = new FakeSessionRig();
        rig.Autopilot.TakeoffHeldUntil = new TaskCompletionSource().Task; // never completes on its own
        rig.Start();
        rig.TickUntil(() => rig.Autopilot.Mode == ControlMode.Takeoff, 2000, "taking off");
        rig.Autopilot.HeartbeatLost = true;
        rig.TickUntil(() => rig.Autopilot.HoldCalls == 1, 200, "Hold");
        rig.TickUntil(() => rig.Autopilot.TakeoffCancelled, 50, "take-off cancelled");
        var outcome = rig.Finish();

        Assert.Equal(FlightState.Landed, outcome.FinalState);
        Assert.False(outcome.Success);
        Assert.Equal([FailsafeTrigger.HeartbeatLost, FailsafeTrigger.HoldTimeout], outcome.Failsafes.Select(t => t.Trigger));
        Assert.Equal(0, rig.Autopilot.VelocityControlStarts);
        Assert.Equal(0, rig.Autopilot.SetpointCount);
    }

    [Fact]
    public async Task A_refused_return_to_velocity_control_after_a_hold_holds_and_lands()
    {
        await using var rig = new FakeSessionRig();
        rig.FlyToPolicyControl();
        rig.Autopilot.VelocityControlFailure = new AutopilotException("offboard rejected");
        rig.Autopilot.PositionFrozen = true;
        rig.TickUntil(() => rig.Session.State == FlightState.Holding, 100, "Holding");
        // The session samples the latest state: let it command the hold before the cause clears.
        rig.TickUntil(() => rig.Autopilot.HoldCalls == 1, 50, "Hold commanded");
        rig.Autopilot.PositionFrozen = false;
        rig.TickUntil(() => rig.Session.State == FlightState.PolicyControl, 10, "cleared");

        var outcome = rig.Finish();
        Assert.Equal(FlightState.Landed, outcome.FinalState);
        Assert.Contains("autopilot refused velocity control after a hold: offboard rejected", outcome.Reason);
        Assert.Equal(ControlMode.Land, rig.Autopilot.Mode);
        rig.AssertSetpointsInsideEnvelope();
    }

    [Fact]
    public async Task A_non_finite_policy_output_never_reaches_the_autopilot_and_lands()
    {
        await using var rig = new FakeSessionRig(policy: FakePolicyFolders.Exploding);
        rig.FlyToPolicyControl();
        var outcome = rig.Finish();

        Assert.Equal(FlightState.Landed, outcome.FinalState);
        Assert.Equal([FailsafeTrigger.NonFinitePolicyOutput, FailsafeTrigger.HoldTimeout], outcome.Failsafes.Select(t => t.Trigger));
        Assert.Equal(0, rig.Autopilot.SetpointCount);
    }

    [Fact]
    public async Task Deadline_misses_in_a_row_hold_and_policy_control_resumes_when_ticks_are_on_time()
    {
        await using var rig = new FakeSessionRig();
        rig.FlyToPolicyControl();
        // Each send now takes 30 ms of (fake) time: every tick misses its 20 ms deadline.
        rig.Autopilot.OnSend = () => rig.Time.Advance(TimeSpan.FromMilliseconds(30));
        rig.TickUntil(() => rig.Session.State == FlightState.Holding, 50, "Holding");
        rig.Autopilot.OnSend = null;
        Assert.Contains(rig.Session.State, new[] { FlightState.Holding });
        rig.TickUntil(() => rig.Session.State == FlightState.PolicyControl, 50, "resumed");
        rig.TickUntil(() => rig.Autopilot.Mode == ControlMode.VelocityControl, 50, "velocity control taken back");

        rig.Cancel();
        var outcome = rig.Finish();
        Assert.Equal(FlightState.Holding, outcome.FinalState);
        Assert.Equal(FailsafeTrigger.DeadlineMissed, outcome.Failsafes[0].Trigger);
        Assert.True(outcome.DeadlineMisses >= 5);
        rig.AssertSetpointsInsideEnvelope();
    }

    [Fact]
    public async Task A_geofence_breach_lands()
    {
        await using var rig = new FakeSessionRig();
        rig.FlyToPolicyControl();
        rig.Tick(5);
        rig.Autopilot.TeleportTo(rig.Envelope.GeofenceRadiusMetres + 5, 0, -5);
        var outcome = rig.Finish();

        Assert.Equal(FlightState.Landed, outcome.FinalState);
        Assert.Equal(FailsafeTrigger.GeofenceBreach, outcome.Failsafes[0].Trigger);
        Assert.Equal("outside the geofence", outcome.Reason);
        rig.AssertSetpointsInsideEnvelope();
    }

    [Fact]
    public async Task A_pilot_mode_change_hands_back_within_one_tick_and_nothing_is_sent_after_it()
    {
        await using var rig = new FakeSessionRig();
        rig.FlyToPolicyControl();
        rig.Tick(10);
        rig.Autopilot.PilotTakesOver();
        int sent = rig.Autopilot.SetpointCount;
        rig.Tick();
        Assert.Equal(FlightState.HandedBack, rig.Session.State);
        var outcome = rig.Finish();

        Assert.Equal(FlightState.HandedBack, outcome.FinalState);
        Assert.Equal(sent, rig.Autopilot.SetpointCount);
        Assert.Equal(0, rig.Autopilot.HoldCalls + rig.Autopilot.LandCalls + rig.Autopilot.ReturnCalls);
        Assert.Equal(ControlMode.Pilot, rig.Autopilot.Mode);
        Assert.Equal("pilot changed the autopilot mode", outcome.Reason);
    }

    [Fact]
    public async Task A_low_battery_warns_and_a_critical_battery_lands()
    {
        await using var rig = new FakeSessionRig();
        rig.FlyToPolicyControl();
        rig.Autopilot.BatteryRemaining = 0.2f;
        rig.Tick(20);
        Assert.Equal(FlightState.PolicyControl, rig.Session.State);
        rig.Autopilot.BatteryRemaining = 0.1f;
        var outcome = rig.Finish();

        Assert.Equal(FlightState.Landed, outcome.FinalState);
        Assert.Equal(FailsafeTrigger.BatteryCritical, outcome.Failsafes[0].Trigger);
        rig.AssertSetpointsInsideEnvelope();
    }

    [Theory]
    [InlineData(StopAction.Hold, FlightState.Holding)]
    [InlineData(StopAction.Land, FlightState.Landed)]
    [InlineData(StopAction.Return, FlightState.HandedBack)]
    public async Task A_graceful_stop_carries_out_the_stop_action_then_stops_streaming(StopAction action, FlightState final)
    {
        await using var rig = new FakeSessionRig(control: new ControlOptions { StopAction = action });
        rig.FlyToPolicyControl();
        rig.Tick(10);
        rig.Cancel();
        var outcome = rig.Finish();
        int sent = rig.Autopilot.SetpointCount;

        Assert.Equal(final, outcome.FinalState);
        Assert.Equal(action == StopAction.Hold ? 1 : 0, rig.Autopilot.HoldCalls);
        Assert.Equal(action == StopAction.Land ? 1 : 0, rig.Autopilot.LandCalls);
        Assert.Equal(action == StopAction.Return ? 1 : 0, rig.Autopilot.ReturnCalls);
        Assert.Equal(FailsafeTrigger.StopRequested, outcome.Failsafes[0].Trigger);
        Assert.False(rig.Session.TickHealthy);
        rig.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(sent, rig.Autopilot.SetpointCount);
    }

    [Fact]
    public async Task A_refused_arm_ends_before_flight_with_the_autopilot_message()
    {
        await using var rig = new FakeSessionRig();
        rig.Autopilot.ArmFailure = new AutopilotException("arm refused: COMMAND_ACK TEMPORARILY_REJECTED, last notice 'PreArm: GPS'");
        rig.Start();
        var outcome = rig.Finish(100);

        Assert.True(outcome.FinalState is FlightState.Idle or FlightState.Preflight, $"{outcome.FinalState}");
        Assert.False(outcome.Success);
        Assert.Equal("start-up failed at arm: arm refused: COMMAND_ACK TEMPORARILY_REJECTED, last notice 'PreArm: GPS'", outcome.Reason);
        Assert.Equal(0, rig.Autopilot.SetpointCount);
    }

    [Fact]
    public async Task Progress_reports_the_state_distance_and_speed_about_twice_a_second()
    {
        await using var rig = new FakeSessionRig();
        var reports = new List<FlightProgress>();
        rig.Session.Progress += p => { lock (reports) { reports.Add(p); } };
        rig.FlyToPolicyControl();
        rig.TickUntil(() => { lock (reports) { return reports.Count >= 4; } }, 500, "four progress reports");

        FlightProgress[] seen;
        lock (reports)
        {
            seen = [.. reports];
        }

        // Reports come at most every 0.5 s of flight time (the session thread may lag the fake clock, so no fixed count).
        Assert.All(seen.Zip(seen.Skip(1)), pair => Assert.True(pair.Second.Elapsed - pair.First.Elapsed >= TimeSpan.FromMilliseconds(500)));
        var last = seen[^1];
        Assert.Equal(FlightState.PolicyControl, last.State);
        Assert.InRange(last.DistanceToTargetMetres, 40, 70);
        Assert.InRange(last.AltitudeMetres, 0, 20);
        Assert.True(float.IsFinite(last.SpeedMetresPerSecond));
        Assert.True(rig.Session.TickHealthy);
    }
}
