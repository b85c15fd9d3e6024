namespace DroneLiquid.Flight.Failsafe;

/// <summary>
/// The conditions the failsafe watches; also a transition's reason. Each trigger's action and clear rule are listed
/// in <see cref="FailsafeStateMachine"/>.
/// </summary>
public enum FailsafeTrigger : byte
{
    /// <summary>No trigger: a normal step of the flight.</summary>
    None = 0,

    /// <summary>No autopilot HEARTBEAT for longer than the timeout.</summary>
    HeartbeatLost = 1,

    /// <summary>A sensor the policy needs is stale.</summary>
    SensorStale = 2,

    /// <summary>The policy produced NaN or infinity.</summary>
    NonFinitePolicyOutput = 3,

    /// <summary>The tick missed its deadline N times in a row.</summary>
    DeadlineMissed = 4,

    /// <summary>The vehicle is outside the geofence.</summary>
    GeofenceBreach = 5,

    /// <summary>The autopilot mode changed without us: the pilot took over.</summary>
    PilotModeChange = 6,

    /// <summary>Battery below the warning level.</summary>
    BatteryLow = 7,

    /// <summary>Battery below the critical level.</summary>
    BatteryCritical = 8,

    /// <summary>The target was reached.</summary>
    TargetReached = 9,

    /// <summary>The mission's time limit ran out.</summary>
    TimeLimit = 10,

    /// <summary>A Hold lasted longer than the hold timeout.</summary>
    HoldTimeout = 11,

    /// <summary>The autopilot disarmed while flying and not landing (kill switch, crash detection, pilot).</summary>
    Disarmed = 12,

    /// <summary>
    /// The service asked to stop (graceful shutdown, a stalled tick, a failed start-up step): its action is the
    /// one the caller passes in <see cref="FlightFlags.StopAction"/> (Hold, Land or HandBack).
    /// </summary>
    StopRequested = 13,
}
