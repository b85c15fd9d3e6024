namespace DroneLiquid.Sim.Control;

/// <summary>What the flight controller is flying. Arming is separate: every mode can be selected while disarmed.</summary>
public enum FlightMode
{
    /// <summary>Hold a position and heading (on the ground: idle).</summary>
    Hold,

    /// <summary>Climb straight up to the takeoff altitude, then Hold.</summary>
    Takeoff,

    /// <summary>Follow a velocity setpoint (NED or body, with a yaw or yaw-rate target).</summary>
    Velocity,

    /// <summary>Descend at the landing speed, detect touchdown, disarm.</summary>
    Land,

    /// <summary>Climb to the return altitude, fly home, land.</summary>
    Return,
}
