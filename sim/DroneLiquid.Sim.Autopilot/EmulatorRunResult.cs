namespace DroneLiquid.Sim.Autopilot;

/// <summary>What a run of the emulator loop covered: simulated and wall seconds and the speed-up over real time.</summary>
public sealed record EmulatorRunResult(double SimSeconds, double WallSeconds, long Steps)
{
    public double SpeedUp => WallSeconds > 0 ? SimSeconds / WallSeconds : double.PositiveInfinity;
}
