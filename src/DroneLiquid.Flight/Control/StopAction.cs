namespace DroneLiquid.Flight.Control;

/// <summary>What a graceful stop (service shutdown, cancellation) asks of the autopilot before streaming stops.</summary>
public enum StopAction
{
    /// <summary>Hold position (PX4 Hold, ArduCopter Brake then Loiter); the flight ends in Holding.</summary>
    Hold,

    /// <summary>Land where it is; the flight ends in Landed (or Landing if the landing outlasts the wait).</summary>
    Land,

    /// <summary>Return home (PX4 Return, ArduCopter RTL); the autopilot flies it, so the flight ends in HandedBack.</summary>
    Return,
}
