using DroneLiquid.Flight.Failsafe;
using DroneLiquid.Flight.Tests.Fakes;

namespace DroneLiquid.Flight.Tests.Failsafe;

/// <summary>Flight scenarios, one per trigger: script time and flags, assert the state and action after each step.</summary>
public class FailsafeStateMachineTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(20);

    [Fact]
    public void Normal_flight_reaches_the_target_lands_and_logs_every_step_with_a_reason()
    {
        var flight = new FakeFlight();
        flight.FlyToPolicyControl();
        Assert.Equal(FlightState.PolicyControl, flight.Run(TimeSpan.FromSeconds(30)).State);
        flight.Flags.TargetReached = true;
        Assert.Equal(new FailsafeDecision(FlightState.Landing, FailsafeAction.Land, FailsafeTrigger.TargetReached), flight.Step(Tick));
        flight.Flags.TargetReached = false;
        Assert.Equal(FlightState.Landing, flight.Run(TimeSpan.FromSeconds(5)).State);
        flight.Flags.LandedDetected = true;
        Assert.Equal(new FailsafeDecision(FlightState.Landed, FailsafeAction.None, FailsafeTrigger.TargetReached), flight.Step(Tick));
        Assert.Equal(FlightState.Landed, flight.Run(TimeSpan.FromSeconds(5)).State);

        FlightState[] path = [FlightState.Preflight, FlightState.Armed, FlightState.TakingOff, FlightState.PolicyControl, FlightState.Landing, FlightState.Landed];
        Assert.Equal(path, flight.Logged.Select(t => t.To));
        Assert.Equal("mission done: target reached", flight.Logged[4].Reason);
        Assert.Equal("autopilot reports landed", flight.Logged[5].Reason);
        Assert.Equal(flight.Logged.Count, flight.Machine.Transitions.Count);
        Assert.Equal(flight.Logged[^1], flight.Machine.Transitions.Last);
    }

    [Fact]
    public void Preflight_waits_for_a_heartbeat_and_fresh_sensors_before_arming_counts()
    {
        var flight = new FakeFlight();
        flight.Flags.StartRequested = true;
        flight.Flags.Armed = true;
        flight.Flags.SensorsFresh = false;
        flight.Step(Tick);
        Assert.Equal(FlightState.Preflight, flight.Run(TimeSpan.FromSeconds(2)).State);
        flight.Flags.SensorsFresh = true;
        Assert.Equal(FlightState.Armed, flight.Step(Tick).State);
    }

    [Fact]
    public void Pilot_mode_change_hands_back_within_one_update_and_never_takes_control_again()
    {
        var flight = new FakeFlight();
        flight.FlyToPolicyControl();
        flight.Flags.PilotModeChanged = true;
        Assert.Equal(new FailsafeDecision(FlightState.HandedBack, FailsafeAction.HandBack, FailsafeTrigger.PilotModeChange), flight.Step(Tick));
        flight.Flags.PilotModeChanged = false;
        Assert.Equal(FlightState.HandedBack, flight.Run(TimeSpan.FromSeconds(10)).State);
        Assert.Equal(FailsafeAction.HandBack, flight.Last.Action);
    }

    [Fact]
    public void A_disarm_in_flight_hands_back_and_a_disarm_while_landing_means_landed()
    {
        var flight = new FakeFlight();
        flight.FlyToPolicyControl();
        flight.Flags.Armed = false;
        Assert.Equal(new FailsafeDecision(FlightState.HandedBack, FailsafeAction.HandBack, FailsafeTrigger.Disarmed), flight.Step(Tick));

        var landing = new FakeFlight();
        landing.FlyToPolicyControl();
        landing.Flags.TargetReached = true;
        Assert.Equal(FlightState.Landing, landing.Step(Tick).State);
        landing.Flags.Armed = false;
        Assert.Equal(FlightState.Landed, landing.Step(Tick).State);
    }

    [Fact]
    public void Pilot_mode_change_wins_over_a_landing()
    {
        var flight = new FakeFlight();
        flight.FlyToPolicyControl();
        flight.Flags.BatteryCritical = true;
        Assert.Equal(FlightState.Landing, flight.Step(Tick).State);
        flight.Flags.PilotModeChanged = true;
        Assert.Equal(FlightState.HandedBack, flight.Step(Tick).State);
    }

    [Fact]
    public void Heartbeat_lost_holds_at_once_never_resumes_and_lands_after_the_hold_timeout()
    {
        var flight = new FakeFlight();
        flight.FlyToPolicyControl();
        var lostAt = flight.Now;
        Assert.Equal(FlightState.PolicyControl, flight.Run(TimeSpan.FromSeconds(1.4), lostAt).State);
        Assert.Equal(new FailsafeDecision(FlightState.Holding, FailsafeAction.Hold, FailsafeTrigger.HeartbeatLost), flight.Run(TimeSpan.FromSeconds(0.2), lostAt));
        Assert.Equal(FlightState.Holding, flight.Run(TimeSpan.FromSeconds(5)).State); // link back: stays held
        Assert.Equal(FlightState.Holding, flight.Run(TimeSpan.FromSeconds(4.5)).State);
        Assert.Equal(new FailsafeDecision(FlightState.Landing, FailsafeAction.Land, FailsafeTrigger.HoldTimeout), flight.Run(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void Stale_sensor_holds_and_policy_control_resumes_when_fresh()
    {
        var flight = new FakeFlight();
        flight.FlyToPolicyControl();
        flight.Flags.SensorsFresh = false;
        Assert.Equal(new FailsafeDecision(FlightState.Holding, FailsafeAction.Hold, FailsafeTrigger.SensorStale), flight.Step(Tick));
        Assert.Equal(FlightState.Holding, flight.Run(TimeSpan.FromSeconds(2)).State);
        flight.Flags.SensorsFresh = true;
        Assert.Equal(new FailsafeDecision(FlightState.PolicyControl, FailsafeAction.None, FailsafeTrigger.None), flight.Step(Tick));
        Assert.Equal("every holding trigger cleared", flight.Logged[^1].Reason);
    }

    [Fact]
    public void Stale_sensor_during_take_off_holds_then_resumes_the_take_off()
    {
        var flight = new FakeFlight();
        flight.Flags.StartRequested = true;
        flight.Flags.Armed = true;
        flight.Step(Tick);
        flight.Step(Tick);
        Assert.Equal(FlightState.TakingOff, flight.Step(Tick).State);
        flight.Flags.SensorsFresh = false;
        Assert.Equal(FlightState.Holding, flight.Step(Tick).State);
        flight.Flags.SensorsFresh = true;
        Assert.Equal(FlightState.TakingOff, flight.Step(Tick).State);
    }

    [Fact]
    public void Stale_sensor_for_longer_than_the_hold_timeout_lands()
    {
        var flight = new FakeFlight(new FailsafeOptions { HoldTimeout = TimeSpan.FromSeconds(3) });
        flight.FlyToPolicyControl();
        flight.Flags.SensorsFresh = false;
        Assert.Equal(FlightState.Holding, flight.Run(TimeSpan.FromSeconds(2.9)).State);
        Assert.Equal(new FailsafeDecision(FlightState.Landing, FailsafeAction.Land, FailsafeTrigger.HoldTimeout), flight.Run(TimeSpan.FromSeconds(0.2)));
        flight.Flags.SensorsFresh = true;
        Assert.Equal(FlightState.Landing, flight.Run(TimeSpan.FromSeconds(1)).State);
    }

    [Fact]
    public void Non_finite_policy_output_holds_and_never_clears()
    {
        var flight = new FakeFlight();
        flight.FlyToPolicyControl();
        flight.Flags.PolicyOutputNonFinite = true;
        Assert.Equal(new FailsafeDecision(FlightState.Holding, FailsafeAction.Hold, FailsafeTrigger.NonFinitePolicyOutput), flight.Step(Tick));
        flight.Flags.PolicyOutputNonFinite = false;
        Assert.Equal(FlightState.Holding, flight.Run(TimeSpan.FromSeconds(9.9)).State);
        Assert.Equal(FlightState.Landing, flight.Run(TimeSpan.FromSeconds(0.2)).State);
    }

    [Fact]
    public void Deadline_missed_n_times_in_a_row_holds_and_clears_when_the_run_breaks()
    {
        var flight = new FakeFlight(new FailsafeOptions { DeadlineMissesBeforeHold = 3 });
        flight.FlyToPolicyControl();
        for (int misses = 1; misses <= 2; misses++)
        {
            flight.Flags.ConsecutiveDeadlineMisses = misses;
            Assert.Equal(FlightState.PolicyControl, flight.Step(Tick).State);
        }

        flight.Flags.ConsecutiveDeadlineMisses = 3;
        Assert.Equal(new FailsafeDecision(FlightState.Holding, FailsafeAction.Hold, FailsafeTrigger.DeadlineMissed), flight.Step(Tick));
        flight.Flags.ConsecutiveDeadlineMisses = 0;
        Assert.Equal(FlightState.PolicyControl, flight.Step(Tick).State);
    }

    [Fact]
    public void Of_two_holds_the_one_that_never_clears_is_named_and_keeps_the_hold()
    {
        var flight = new FakeFlight(new FailsafeOptions { DeadlineMissesBeforeHold = 3 });
        flight.FlyToPolicyControl();
        flight.Flags.ConsecutiveDeadlineMisses = 3;
        Assert.Equal(FailsafeTrigger.DeadlineMissed, flight.Step(Tick).Trigger);
        // A stop asking Hold ranks after DeadlineMissed by number, but it is the hold that stays.
        flight.Flags.StopAction = FailsafeAction.Hold;
        Assert.Equal(new FailsafeDecision(FlightState.Holding, FailsafeAction.Hold, FailsafeTrigger.StopRequested), flight.Step(Tick));
        flight.Flags.ConsecutiveDeadlineMisses = 0;
        Assert.Equal(new FailsafeDecision(FlightState.Holding, FailsafeAction.Hold, FailsafeTrigger.StopRequested), flight.Step(Tick));

        // The same when both start on one update: a broken policy output outranks a stale sensor, which would clear.
        var other = new FakeFlight();
        other.FlyToPolicyControl();
        other.Flags.SensorsFresh = false;
        other.Flags.PolicyOutputNonFinite = true;
        Assert.Equal(FailsafeTrigger.NonFinitePolicyOutput, other.Step(Tick).Trigger);
        other.Flags.SensorsFresh = true;
        Assert.Equal(new FailsafeDecision(FlightState.Holding, FailsafeAction.Hold, FailsafeTrigger.NonFinitePolicyOutput), other.Step(Tick));
    }

    [Fact]
    public void Geofence_breach_lands_and_never_clears()
    {
        var flight = new FakeFlight();
        flight.FlyToPolicyControl();
        flight.Flags.GeofenceBreached = true;
        Assert.Equal(new FailsafeDecision(FlightState.Landing, FailsafeAction.Land, FailsafeTrigger.GeofenceBreach), flight.Step(Tick));
        flight.Flags.GeofenceBreached = false;
        Assert.Equal(FlightState.Landing, flight.Run(TimeSpan.FromSeconds(3)).State);
        flight.Flags.LandedDetected = true;
        Assert.Equal(FlightState.Landed, flight.Step(Tick).State);
    }

    [Fact]
    public void Battery_low_warns_while_flying_and_critical_lands()
    {
        var flight = new FakeFlight();
        flight.FlyToPolicyControl();
        flight.Flags.BatteryLow = true;
        Assert.Equal(new FailsafeDecision(FlightState.PolicyControl, FailsafeAction.Warn, FailsafeTrigger.BatteryLow), flight.Step(Tick));
        flight.Flags.BatteryLow = false;
        Assert.Equal(new FailsafeDecision(FlightState.PolicyControl, FailsafeAction.None, FailsafeTrigger.None), flight.Step(Tick));
        flight.Flags.BatteryLow = true;
        flight.Flags.BatteryCritical = true;
        Assert.Equal(new FailsafeDecision(FlightState.Landing, FailsafeAction.Land, FailsafeTrigger.BatteryCritical), flight.Step(Tick));
        flight.Flags.LandedDetected = true;
        Assert.Equal(FlightState.Landed, flight.Step(Tick).State);
    }

    [Fact]
    public void Mission_time_limit_lands_counted_from_the_start_of_policy_control()
    {
        var flight = new FakeFlight(new FailsafeOptions { MissionTimeLimit = TimeSpan.FromSeconds(60) });
        flight.FlyToPolicyControl();
        Assert.Equal(FlightState.PolicyControl, flight.Run(TimeSpan.FromSeconds(59.9)).State);
        Assert.Equal(new FailsafeDecision(FlightState.Landing, FailsafeAction.Land, FailsafeTrigger.TimeLimit), flight.Run(TimeSpan.FromSeconds(0.2)));
        Assert.Equal("mission done: time limit", flight.Logged[^1].Reason);
    }

    [Fact]
    public void Target_reached_before_policy_control_does_not_end_the_mission()
    {
        var flight = new FakeFlight();
        flight.Flags.TargetReached = true;
        flight.FlyToPolicyControl();
        Assert.Equal(FlightState.Landing, flight.Step(Tick).State);
        Assert.Equal(FailsafeTrigger.TargetReached, flight.Logged[^1].Trigger);
    }

    [Fact]
    public void Reset_starts_a_new_flight_from_idle()
    {
        var flight = new FakeFlight();
        flight.FlyToPolicyControl();
        flight.Flags.PilotModeChanged = true;
        flight.Step(Tick);
        flight.Machine.Reset();
        flight.Flags = new FlightFlags { SensorsFresh = true };
        Assert.Equal(FlightState.Idle, flight.Step(Tick).State);
        Assert.False(flight.Machine.IsActive(FailsafeTrigger.PilotModeChange));
        flight.FlyToPolicyControl();
    }

    [Fact]
    public void Every_trigger_declares_an_action_and_a_clear_rule()
    {
        foreach (var trigger in Enum.GetValues<FailsafeTrigger>().Where(t => t != FailsafeTrigger.None))
        {
            Assert.NotEqual(FailsafeAction.None, FailsafeStateMachine.ActionOf(trigger));
            Assert.NotEqual("none", FailsafeTransition.DescribeTrigger(trigger));
            Assert.True(Enum.IsDefined(FailsafeStateMachine.ClearOf(trigger)));
        }

        Assert.Equal(TriggerClear.Never, FailsafeStateMachine.ClearOf(FailsafeTrigger.PilotModeChange));
        Assert.Equal(TriggerClear.WhenConditionClears, FailsafeStateMachine.ClearOf(FailsafeTrigger.SensorStale));
    }

    [Fact]
    public void Invalid_options_are_rejected_with_every_failure_named()
    {
        var options = new FailsafeOptions { HeartbeatTimeout = TimeSpan.Zero, DeadlineMissesBeforeHold = 0, TransitionLogCapacity = 1 };
        var failures = FailsafeOptionsValidator.Collect(options);
        Assert.Equal(3, failures.Count);
        Assert.Contains("Flight:Failsafe:HeartbeatTimeout is 00:00:00; expected 00:00:00.2000000 to 00:00:10", failures);
        Assert.Contains("Flight:Failsafe:DeadlineMissesBeforeHold is 0; expected 1 to 1000", failures);
        Assert.Throws<ArgumentException>(() => new FailsafeStateMachine(options));
    }
}
