namespace DroneLiquid.Evaluation.Runs;

/// <summary>
/// The outcome of one episode as results.json stores it (snake_case, SI units in the names). Path efficiency is the
/// straight-line distance over the flown path (1 is a straight flight), only for successful episodes; command change is
/// the mean magnitude of the change of the executed velocity command (NED) per second, m/s², a smoothness figure
/// (lower is smoother). The trajectory is the true north/east path at 2 Hz, metres, flattened (n0, e0, n1, e1, ...).
/// </summary>
public sealed record EpisodeResult(
    int Index,
    ulong WorldSeed,
    string Outcome,
    bool Success,
    bool Crash,
    string? CrashReason,
    double TimeS,
    double? TimeToTargetS,
    double PathLengthM,
    double StraightLineM,
    double? PathEfficiency,
    double CommandChangeMS2,
    double MinClearanceM,
    double FinalDistanceToTargetM,
    int Samples,
    int DroppedFrames,
    int LearnerTicks,
    int PolicyFaults,
    IReadOnlyList<double> StartNe,
    IReadOnlyList<double> TargetNe,
    IReadOnlyList<double> Trajectory);
