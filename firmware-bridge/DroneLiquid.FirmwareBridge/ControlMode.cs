namespace DroneLiquid.FirmwareBridge;

/// <summary>
/// The autopilot's flight mode reduced to what the companion computer acts on, decoded from the HEARTBEAT's
/// custom_mode by each adapter (PX4 main/sub mode, ArduCopter mode number).
/// </summary>
public enum ControlMode
{
    /// <summary>No HEARTBEAT yet, or a mode this code does not know (treated as the pilot's).</summary>
    Unknown,

    /// <summary>A mode the pilot flies (Manual, Stabilized, AltHold, Position/PosHold, Acro, ...).</summary>
    Pilot,

    /// <summary>The autopilot's own takeoff (PX4 Takeoff; ArduCopter GUIDED while climbing to the takeoff altitude).</summary>
    Takeoff,

    /// <summary>External velocity control: PX4 Offboard, ArduCopter GUIDED.</summary>
    VelocityControl,

    /// <summary>Holding position: PX4 Hold (Loiter), ArduCopter Loiter or Brake.</summary>
    Hold,

    /// <summary>Landing: PX4 Land, ArduCopter LAND.</summary>
    Land,

    /// <summary>Returning home: PX4 Return, ArduCopter RTL or SmartRTL.</summary>
    Return,

    /// <summary>Any other autonomous mode (Mission/Auto, Follow, ...).</summary>
    OtherAutonomous,
}
