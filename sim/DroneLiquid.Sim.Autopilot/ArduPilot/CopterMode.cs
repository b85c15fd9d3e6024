namespace DroneLiquid.Sim.Autopilot.ArduPilot;

/// <summary>ArduCopter flight modes the emulator flies; the value is HEARTBEAT.custom_mode.</summary>
public enum CopterMode : uint
{
    /// <summary>Manual with self-levelling; with no RC the emulator holds (see the README on RC).</summary>
    Stabilize = 0,
    Guided = 4,
    Loiter = 5,
    Rtl = 6,
    Land = 9,
    Brake = 17,
}
