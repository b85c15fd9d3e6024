namespace DroneLiquid.Flight.Failsafe;

/// <summary>
/// The flight's state and the failsafe, as a function of time: <see cref="Update"/> takes the monotonic flight
/// time and this tick's <see cref="FlightFlags"/> and returns the state and the action, allocating nothing.
/// <code>
///   Idle ──start──► Preflight ──armed──► Armed ──► TakingOff ──altitude──► PolicyControl
///                                          │           │   ▲                  │   ▲
///                                          │           ▼   │ cleared          ▼   │ cleared
///                                          └──────► Holding ◄──────── Hold ───┘   │
///                                                      │  (HoldTimeout)           │
///                              Land (any flying state) ▼                          │
///                                                   Landing ──landed──► Landed    │
///   HandBack (pilot mode change, any flying state) ─────────────► HandedBack ◄────┘
/// </code>
/// Flying states: Armed, TakingOff, PolicyControl, Holding, Landing. Landed and HandedBack are final until
/// <see cref="Reset"/>. Triggers (action, when it clears):
/// <list type="table">
/// <item><term>PilotModeChange</term><description>HandBack at once, never clears: never fight the pilot.</description></item>
/// <item><term>Disarmed</term><description>HandBack, never clears: the autopilot disarmed outside Landing (in Landing a disarm means landed).</description></item>
/// <item><term>HeartbeatLost</term><description>Hold, never clears: a link that dropped is not trusted for policy flight; HoldTimeout then lands.</description></item>
/// <item><term>SensorStale</term><description>Hold, clears when the sensors are fresh again (policy control resumes).</description></item>
/// <item><term>NonFinitePolicyOutput</term><description>Hold, never clears (the policy is broken); PolicyControl only.</description></item>
/// <item><term>DeadlineMissed</term><description>Hold after N misses in a row, clears when the run is broken.</description></item>
/// <item><term>GeofenceBreach</term><description>Land, never clears: the envelope removes outward motion, so a breach means wind or a bad estimate beat it.</description></item>
/// <item><term>BatteryLow</term><description>Warn, clears with its condition.</description></item>
/// <item><term>BatteryCritical</term><description>Land, never clears.</description></item>
/// <item><term>TargetReached, TimeLimit</term><description>Land (mission done), never clear; PolicyControl and Holding only. The limit counts from the first entry into PolicyControl.</description></item>
/// <item><term>HoldTimeout</term><description>Land after <see cref="FailsafeOptions.HoldTimeout"/> in Holding, never clears.</description></item>
/// <item><term>StopRequested</term><description>The action in <see cref="FlightFlags.StopAction"/> (the most severe asked so far), never clears.</description></item>
/// </list>
/// The most severe active action wins (<see cref="FailsafeAction"/> order); of equals, one that never clears is
/// named as the trigger, so a decision whose trigger clears by itself has no other cause behind it. Every state
/// change goes to the <see cref="Transitions"/> ring and to the optional callback with its reason. Not thread-safe:
/// the tick owns it.
/// </summary>
public sealed class FailsafeStateMachine
{
    private const int TriggerCount = (int)FailsafeTrigger.StopRequested + 1;

    private static readonly FailsafeAction[] s_actions = BuildActions();
    private static readonly TriggerClear[] s_clears = BuildClears();

    private readonly TimeSpan _heartbeatTimeout;
    private readonly int _deadlineMisses;
    private readonly TimeSpan _holdTimeout;
    private readonly TimeSpan _missionTimeLimit;
    private readonly Action<FailsafeTransition>? _onTransition;
    private readonly bool[] _active = new bool[TriggerCount];
    private FlightState _state;
    private FlightState _resumeState;
    private TimeSpan _holdingSince;
    private TimeSpan _policyStart;
    private bool _policyStarted;
    private FailsafeAction _stopAction;

    /// <summary>Creates the machine in Idle; throws <see cref="ArgumentException"/> listing every invalid option.</summary>
    public FailsafeStateMachine(FailsafeOptions options, Action<FailsafeTransition>? onTransition = null)
    {
        OptionsCheck.ThrowIfAny(FailsafeOptionsValidator.Collect(options));

        _heartbeatTimeout = options.HeartbeatTimeout;
        _deadlineMisses = options.DeadlineMissesBeforeHold;
        _holdTimeout = options.HoldTimeout;
        _missionTimeLimit = options.MissionTimeLimit;
        _onTransition = onTransition;
        Transitions = new TransitionLog(options.TransitionLogCapacity);
    }

    /// <summary>The current state.</summary>
    public FlightState State => _state;

    /// <summary>The last transitions, oldest first.</summary>
    public TransitionLog Transitions { get; }

    /// <summary>The action a trigger asks for.</summary>
    public static FailsafeAction ActionOf(FailsafeTrigger trigger) => s_actions[(int)trigger];

    /// <summary>When a trigger clears.</summary>
    public static TriggerClear ClearOf(FailsafeTrigger trigger) => s_clears[(int)trigger];

    /// <summary>True while <paramref name="trigger"/> is active.</summary>
    public bool IsActive(FailsafeTrigger trigger) => _active[(int)trigger];

    /// <summary>Back to Idle with no active trigger, for the next flight. The transition log is kept.</summary>
    public void Reset()
    {
        Array.Clear(_active);
        _stopAction = FailsafeAction.None;
        _state = FlightState.Idle;
        _policyStarted = false;
    }

    /// <summary>Advances the machine to <paramref name="now"/> (monotonic) with this tick's <paramref name="flags"/>.</summary>
    public FailsafeDecision Update(TimeSpan now, in FlightFlags flags)
    {
        if (IsFlying(_state))
        {
            UpdateTriggers(now, flags);
        }

        var (worst, trigger) = Worst();
        switch (_state)
        {
            case FlightState.Landed or FlightState.HandedBack:
                break;
            case var _ when worst == FailsafeAction.HandBack:
                Go(now, FlightState.HandedBack, worst, TransitionKind.Failsafe, trigger);
                break;
            case FlightState.Landing when flags.LandedDetected || !flags.Armed:
                Go(now, FlightState.Landed, worst, TransitionKind.LandingDetected, FailsafeTrigger.None);
                break;
            case not FlightState.Landing when worst == FailsafeAction.Land:
                Go(now, FlightState.Landing, worst, TransitionKind.Failsafe, trigger);
                break;
            case FlightState.Armed or FlightState.TakingOff or FlightState.PolicyControl when worst == FailsafeAction.Hold:
                _resumeState = _state == FlightState.PolicyControl ? FlightState.PolicyControl : FlightState.TakingOff;
                _holdingSince = now;
                Go(now, FlightState.Holding, worst, TransitionKind.Failsafe, trigger);
                break;
            case FlightState.Holding when worst < FailsafeAction.Hold:
                Go(now, _resumeState, worst, TransitionKind.TriggersCleared, FailsafeTrigger.None);
                break;
            case FlightState.Idle when flags.StartRequested:
                Go(now, FlightState.Preflight, worst, TransitionKind.StartRequested, FailsafeTrigger.None);
                break;
            case FlightState.Preflight when flags.Armed && flags.HeartbeatAge <= _heartbeatTimeout && flags.SensorsFresh:
                Go(now, FlightState.Armed, worst, TransitionKind.ArmConfirmed, FailsafeTrigger.None);
                break;
            case FlightState.Armed:
                Go(now, FlightState.TakingOff, worst, TransitionKind.TakeoffStarted, FailsafeTrigger.None);
                break;
            case FlightState.TakingOff when flags.TakeoffAltitudeReached:
                Go(now, FlightState.PolicyControl, worst, TransitionKind.TakeoffComplete, FailsafeTrigger.None);
                break;
        }

        if (_state == FlightState.PolicyControl && !_policyStarted)
        {
            _policyStarted = true;
            _policyStart = now;
        }

        return new FailsafeDecision(_state, ActionFor(_state, worst), trigger);
    }

    private static bool IsFlying(FlightState state) => state is FlightState.Armed or FlightState.TakingOff or FlightState.PolicyControl or FlightState.Holding or FlightState.Landing;

    private static FailsafeAction ActionFor(FlightState state, FailsafeAction worst) => state switch
    {
        FlightState.HandedBack => FailsafeAction.HandBack,
        FlightState.Landing => FailsafeAction.Land,
        FlightState.Holding => worst > FailsafeAction.Hold ? worst : FailsafeAction.Hold,
        FlightState.Landed or FlightState.Idle => FailsafeAction.None,
        _ => worst,
    };

    private void UpdateTriggers(TimeSpan now, in FlightFlags flags)
    {
        bool mission = _state is FlightState.PolicyControl or FlightState.Holding;
        Set(FailsafeTrigger.PilotModeChange, flags.PilotModeChanged);
        Set(FailsafeTrigger.Disarmed, !flags.Armed && _state != FlightState.Landing);
        Set(FailsafeTrigger.HeartbeatLost, flags.HeartbeatAge > _heartbeatTimeout);
        Set(FailsafeTrigger.SensorStale, !flags.SensorsFresh);
        Set(FailsafeTrigger.NonFinitePolicyOutput, _state == FlightState.PolicyControl && flags.PolicyOutputNonFinite);
        Set(FailsafeTrigger.DeadlineMissed, flags.ConsecutiveDeadlineMisses >= _deadlineMisses);
        Set(FailsafeTrigger.GeofenceBreach, flags.GeofenceBreached);
        Set(FailsafeTrigger.BatteryLow, flags.BatteryLow);
        Set(FailsafeTrigger.BatteryCritical, flags.BatteryCritical);
        Set(FailsafeTrigger.TargetReached, mission && flags.TargetReached);
        Set(FailsafeTrigger.TimeLimit, mission && _policyStarted && now - _policyStart >= _missionTimeLimit);
        Set(FailsafeTrigger.HoldTimeout, _state == FlightState.Holding && now - _holdingSince >= _holdTimeout);
        if (flags.StopAction > _stopAction)
        {
            _stopAction = flags.StopAction;
        }

        Set(FailsafeTrigger.StopRequested, _stopAction >= FailsafeAction.Hold);
    }

    private void Set(FailsafeTrigger trigger, bool condition)
    {
        int i = (int)trigger;
        if (condition)
        {
            _active[i] = true;
        }
        else if (_active[i] && s_clears[i] == TriggerClear.WhenConditionClears)
        {
            _active[i] = false;
        }
    }

    private (FailsafeAction Action, FailsafeTrigger Trigger) Worst()
    {
        var worst = FailsafeAction.None;
        var trigger = FailsafeTrigger.None;
        for (int i = 1; i < TriggerCount; i++)
        {
            var action = i == (int)FailsafeTrigger.StopRequested ? _stopAction : s_actions[i];

            // Of two triggers asking the same action, the one that never clears is the reason: it is what keeps it.
            bool stickier = action == worst && s_clears[i] == TriggerClear.Never && s_clears[(int)trigger] == TriggerClear.WhenConditionClears;
            if (_active[i] && (action > worst || stickier))
            {
                worst = action;
                trigger = (FailsafeTrigger)i;
            }
        }

        return (worst, trigger);
    }

    private void Go(TimeSpan now, FlightState to, FailsafeAction worst, TransitionKind kind, FailsafeTrigger trigger)
    {
        var transition = new FailsafeTransition(now, _state, to, ActionFor(to, worst), kind, trigger);
        _state = to;
        Transitions.Add(transition);
        _onTransition?.Invoke(transition);
    }

    private static FailsafeAction[] BuildActions()
    {
        var actions = new FailsafeAction[TriggerCount];
        actions[(int)FailsafeTrigger.PilotModeChange] = FailsafeAction.HandBack;
        actions[(int)FailsafeTrigger.HeartbeatLost] = FailsafeAction.Hold;
        actions[(int)FailsafeTrigger.SensorStale] = FailsafeAction.Hold;
        actions[(int)FailsafeTrigger.NonFinitePolicyOutput] = FailsafeAction.Hold;
        actions[(int)FailsafeTrigger.DeadlineMissed] = FailsafeAction.Hold;
        actions[(int)FailsafeTrigger.GeofenceBreach] = FailsafeAction.Land;
        actions[(int)FailsafeTrigger.BatteryLow] = FailsafeAction.Warn;
        actions[(int)FailsafeTrigger.BatteryCritical] = FailsafeAction.Land;
        actions[(int)FailsafeTrigger.TargetReached] = FailsafeAction.Land;
        actions[(int)FailsafeTrigger.TimeLimit] = FailsafeAction.Land;
        actions[(int)FailsafeTrigger.HoldTimeout] = FailsafeAction.Land;
        actions[(int)FailsafeTrigger.Disarmed] = FailsafeAction.HandBack;

        // The least the service asks for; Worst() uses the action it actually asked (FlightFlags.StopAction).
        actions[(int)FailsafeTrigger.StopRequested] = FailsafeAction.Hold;
        return actions;
    }

    private static TriggerClear[] BuildClears()
    {
        var clears = new TriggerClear[TriggerCount];
        Array.Fill(clears, TriggerClear.Never);
        clears[(int)FailsafeTrigger.None] = TriggerClear.WhenConditionClears;
        clears[(int)FailsafeTrigger.SensorStale] = TriggerClear.WhenConditionClears;
        clears[(int)FailsafeTrigger.DeadlineMissed] = TriggerClear.WhenConditionClears;
        clears[(int)FailsafeTrigger.BatteryLow] = TriggerClear.WhenConditionClears;
        return clears;
    }
}
