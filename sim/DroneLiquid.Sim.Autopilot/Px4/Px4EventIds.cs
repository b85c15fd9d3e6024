namespace DroneLiquid.Sim.Autopilot.Px4;

/// <summary>The emulator's event ids and their texts (log_levels as real PX4 sent them: 0x62 warning, 0x66 info, 0x42 critical).</summary>
public static class Px4EventIds
{
    public static readonly Px4Event ArmingDenied = new(0x0100_0001, 0x62, "Arming denied: Resolve system health failures first");
    public static readonly Px4Event Armed = new(0x0100_0002, 0x66, "Armed by external command");
    public static readonly Px4Event Disarmed = new(0x0100_0003, 0x66, "Disarmed by auto disarm or command");
    public static readonly Px4Event TakeoffDetected = new(0x0100_0004, 0x66, "Takeoff detected");
    public static readonly Px4Event LandingDetected = new(0x0100_0005, 0x66, "Landing detected");
    public static readonly Px4Event FailsafeActivated = new(0x0100_0006, 0x42, "Failsafe activated: switching to {2}");
    public static readonly Px4Event LandingAtCurrentPosition = new(0x0100_0007, 0x66, "Landing at current position");
    public static readonly Px4Event ReturnStart = new(0x0100_0008, 0x66, "RTL: start return");
    public static readonly Px4Event NoOffboardSignal = new(0x0100_0009, 0x62, "No offboard signal");
    public static readonly Px4Event DisarmDeniedInAir = new(0x0100_000A, 0x62, "Disarming denied: not landed");

    public static IReadOnlyList<Px4Event> All { get; } =
        [ArmingDenied, Armed, Disarmed, TakeoffDetected, LandingDetected, FailsafeActivated, LandingAtCurrentPosition, ReturnStart, NoOffboardSignal, DisarmDeniedInAir];
}
