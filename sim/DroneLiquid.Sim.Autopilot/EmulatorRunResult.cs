namespace DroneLiquid.Sim.Autopilot;

/// <summary>
/// What a run of the emulator loop covered: simulated and wall seconds, the speed-up over real time, and the stalls
/// after which simulated time paused rather than catch up (how many, and the wall seconds it stood still).
/// </summary>
public sealed record EmulatorRunResult(double SimSeconds, double WallSeconds, long Steps, int Stalls = 0, double PausedWallSeconds = 0)
{
    public double SpeedUp => WallSeconds > 0 ? SimSeconds / WallSeconds : double.PositiveInfinity;
}
