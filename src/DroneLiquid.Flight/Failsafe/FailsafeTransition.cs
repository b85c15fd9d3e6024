namespace DroneLiquid.Flight.Failsafe;

/// <summary>One state change: when (monotonic flight time), from, to, the action then in force and why.</summary>
public readonly record struct FailsafeTransition(TimeSpan At, FlightState From, FlightState To, FailsafeAction Action, TransitionKind Kind, FailsafeTrigger Trigger)
{
    /// <summary>A human-readable reason (a constant string: no allocation).</summary>
    public string Reason => Kind == TransitionKind.Failsafe ? DescribeTrigger(Trigger) : DescribeKind(Kind);

    /// <summary>The text for a trigger.</summary>
    public static string DescribeTrigger(FailsafeTrigger trigger) => trigger switch
    {
        FailsafeTrigger.HeartbeatLost => "autopilot heartbeat lost",
        FailsafeTrigger.SensorStale => "required sensor stale",
        FailsafeTrigger.NonFinitePolicyOutput => "policy output not finite",
        FailsafeTrigger.DeadlineMissed => "tick deadline missed too many times in a row",
        FailsafeTrigger.GeofenceBreach => "outside the geofence",
        FailsafeTrigger.PilotModeChange => "pilot changed the autopilot mode",
        FailsafeTrigger.BatteryLow => "battery low",
        FailsafeTrigger.BatteryCritical => "battery critical",
        FailsafeTrigger.TargetReached => "mission done: target reached",
        FailsafeTrigger.TimeLimit => "mission done: time limit",
        FailsafeTrigger.HoldTimeout => "held longer than the hold timeout",
        FailsafeTrigger.Disarmed => "autopilot disarmed in flight",
        FailsafeTrigger.StopRequested => "stop requested by the service",
        _ => "none",
    };

    private static string DescribeKind(TransitionKind kind) => kind switch
    {
        TransitionKind.StartRequested => "start requested",
        TransitionKind.ArmConfirmed => "autopilot confirmed armed",
        TransitionKind.TakeoffStarted => "take-off commanded",
        TransitionKind.TakeoffComplete => "take-off altitude reached",
        TransitionKind.TriggersCleared => "every holding trigger cleared",
        TransitionKind.LandingDetected => "autopilot reports landed",
        _ => "failsafe",
    };
}
