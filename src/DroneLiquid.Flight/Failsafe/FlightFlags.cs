namespace DroneLiquid.Flight.Failsafe;

/// <summary>
/// What the tick knows this instant, gathered from the autopilot, the sensors, the policy and the envelope.
/// Conditions only: the state machine owns every delay and timeout.
/// </summary>
public struct FlightFlags
{
    /// <summary>The operator asked to fly.</summary>
    public bool StartRequested;

    /// <summary>Time since the autopilot's last HEARTBEAT.</summary>
    public TimeSpan HeartbeatAge;

    /// <summary>The autopilot reports armed.</summary>
    public bool Armed;

    /// <summary>The vehicle is at the take-off altitude.</summary>
    public bool TakeoffAltitudeReached;

    /// <summary>The autopilot reports landed (or disarmed on the ground).</summary>
    public bool LandedDetected;

    /// <summary>Every sensor the policy needs has a fresh sample.</summary>
    public bool SensorsFresh;

    /// <summary>The policy's output on this tick was not finite.</summary>
    public bool PolicyOutputNonFinite;

    /// <summary>Ticks in a row that missed their deadline.</summary>
    public int ConsecutiveDeadlineMisses;

    /// <summary>The vehicle is outside the geofence.</summary>
    public bool GeofenceBreached;

    /// <summary>The autopilot left the mode we set, without us asking.</summary>
    public bool PilotModeChanged;

    /// <summary>Battery below the warning level.</summary>
    public bool BatteryLow;

    /// <summary>Battery below the critical level.</summary>
    public bool BatteryCritical;

    /// <summary>The mission's target is reached.</summary>
    public bool TargetReached;

    /// <summary>
    /// The service asks to stop with this action (Hold, Land or HandBack); None while no stop is asked. The
    /// most severe action asked during the flight stays in force.
    /// </summary>
    public FailsafeAction StopAction;
}
