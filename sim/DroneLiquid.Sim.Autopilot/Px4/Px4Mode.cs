namespace DroneLiquid.Sim.Autopilot.Px4;

/// <summary>The PX4 modes the emulator flies; HEARTBEAT.custom_mode is main_mode &lt;&lt; 16 | sub_mode &lt;&lt; 24.</summary>
public enum Px4Mode
{
    /// <summary>POSCTL (main 3): position hold (no RC sticks, so the vehicle holds).</summary>
    Position,

    /// <summary>AUTO.LOITER (main 4, sub 3), "Hold": the boot mode.</summary>
    Hold,

    /// <summary>OFFBOARD (main 6).</summary>
    Offboard,

    /// <summary>AUTO.TAKEOFF (main 4, sub 2).</summary>
    Takeoff,

    /// <summary>AUTO.LAND (main 4, sub 6).</summary>
    Land,

    /// <summary>AUTO.RTL (main 4, sub 5), "Return".</summary>
    Return,
}
