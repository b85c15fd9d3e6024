namespace DroneLiquid.Flight.Failsafe;

/// <summary>States of one flight (see the diagram on <see cref="FailsafeStateMachine"/>).</summary>
public enum FlightState : byte
{
    /// <summary>Nothing requested yet.</summary>
    Idle = 0,

    /// <summary>Start requested: waiting for a heartbeat, fresh sensors and the autopilot's arm confirmation.</summary>
    Preflight = 1,

    /// <summary>The autopilot reports armed.</summary>
    Armed = 2,

    /// <summary>Climbing to the take-off altitude.</summary>
    TakingOff = 3,

    /// <summary>The policy flies, through the safety envelope.</summary>
    PolicyControl = 4,

    /// <summary>Policy stopped; the vehicle holds position.</summary>
    Holding = 5,

    /// <summary>Landing.</summary>
    Landing = 6,

    /// <summary>On the ground after a landing (final).</summary>
    Landed = 7,

    /// <summary>The pilot took control; we send nothing more (final).</summary>
    HandedBack = 8,
}
