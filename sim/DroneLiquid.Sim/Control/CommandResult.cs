namespace DroneLiquid.Sim.Control;

/// <summary>The answer to a command or setpoint (what an autopilot emulator turns into a COMMAND_ACK or silence).</summary>
public enum CommandResult
{
    Accepted,

    /// <summary>A value is NaN or infinite; the previous setpoint stays in force.</summary>
    RejectedNotFinite,

    /// <summary>A value is beyond any sane range (for example a velocity of kilometres per second); nothing changes.</summary>
    RejectedOutOfRange,

    /// <summary>The vehicle is in a state that forbids it (disarm in flight, takeoff while flying).</summary>
    Denied,
}
