namespace DroneLiquid.Sim.Autopilot;

/// <summary>An autopilot- or link-level event at a simulated time (see <see cref="EmulatorEventKind"/>).</summary>
public readonly record struct EmulatorEvent(double TimeSeconds, EmulatorEventKind Kind, double DurationSeconds, double Value, uint CustomMode)
{
    public static EmulatorEvent PilotModeSwitch(double timeSeconds, uint customMode) => new(timeSeconds, EmulatorEventKind.PilotModeSwitch, 0, 0, customMode);

    public static EmulatorEvent LinkLoss(double timeSeconds, double durationSeconds) => new(timeSeconds, EmulatorEventKind.LinkLoss, durationSeconds, 0, 0);

    public static EmulatorEvent LinkLatency(double timeSeconds, double durationSeconds, double latencySeconds) =>
        new(timeSeconds, EmulatorEventKind.LinkLatency, durationSeconds, latencySeconds, 0);

    public static EmulatorEvent PacketLoss(double timeSeconds, double durationSeconds, double probability) =>
        new(timeSeconds, EmulatorEventKind.PacketLoss, durationSeconds, probability, 0);
}
