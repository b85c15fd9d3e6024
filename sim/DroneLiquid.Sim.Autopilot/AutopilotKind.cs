namespace DroneLiquid.Sim.Autopilot;

/// <summary>Which real autopilot the emulator behaves like at the MAVLink boundary.</summary>
public enum AutopilotKind
{
    /// <summary>PX4 (main, SIH quadrotor) as seen on its onboard link: UDP 14580 in, 14540 out.</summary>
    Px4,

    /// <summary>ArduPilot Copter 4.7 with fresh parameters, as seen on TCP 5760.</summary>
    ArduPilot,
}
