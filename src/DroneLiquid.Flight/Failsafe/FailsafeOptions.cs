namespace DroneLiquid.Flight.Failsafe;

/// <summary>
/// Failsafe timing (section "Flight:Failsafe"). Plain properties with named defaults; checked by
/// <see cref="FailsafeOptionsValidator"/>.
/// </summary>
public sealed class FailsafeOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Flight:Failsafe";

    /// <summary>Default heartbeat timeout: 1.5 s (three missed 1 Hz heartbeats would be 3 s; we act sooner).</summary>
    public static readonly TimeSpan DefaultHeartbeatTimeout = TimeSpan.FromSeconds(1.5);

    /// <summary>Default time in Hold before the failsafe lands: 10 s.</summary>
    public static readonly TimeSpan DefaultHoldTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Default mission time limit from the start of policy control: 180 s.</summary>
    public static readonly TimeSpan DefaultMissionTimeLimit = TimeSpan.FromSeconds(180);

    /// <summary>Default consecutive deadline misses before Hold: 5.</summary>
    public const int DefaultDeadlineMissesBeforeHold = 5;

    /// <summary>Default number of transitions kept in memory: 64.</summary>
    public const int DefaultTransitionLogCapacity = 64;

    /// <summary>No HEARTBEAT for longer than this is a lost link (default 1.5 s; 0.2 s to 10 s).</summary>
    public TimeSpan HeartbeatTimeout { get; set; } = DefaultHeartbeatTimeout;

    /// <summary>Consecutive missed tick deadlines that trigger Hold (default 5; 1 to 1000).</summary>
    public int DeadlineMissesBeforeHold { get; set; } = DefaultDeadlineMissesBeforeHold;

    /// <summary>A Hold lasting this long becomes a Land (default 10 s; 1 s to 600 s).</summary>
    public TimeSpan HoldTimeout { get; set; } = DefaultHoldTimeout;

    /// <summary>Policy control longer than this ends the mission with a Land (default 180 s; 1 s to 24 h).</summary>
    public TimeSpan MissionTimeLimit { get; set; } = DefaultMissionTimeLimit;

    /// <summary>Transitions kept in the in-memory ring (default 64; 4 to 4096).</summary>
    public int TransitionLogCapacity { get; set; } = DefaultTransitionLogCapacity;
}
