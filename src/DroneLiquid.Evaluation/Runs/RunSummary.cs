namespace DroneLiquid.Evaluation.Runs;

/// <summary>
/// The figures of a run (or shard) as `eval --json` prints them. Rates are fractions of <see cref="Episodes"/>; time to
/// target and path efficiency are means over successful episodes (null when none succeeded); smoothness is the mean
/// command change (m/s²) over all episodes; min clearance is the mean of each episode's closest approach and worst
/// clearance the closest approach of any episode, metres.
/// </summary>
public sealed record RunSummary(
    string Policy,
    string World,
    ulong Seed,
    string Shard,
    int Episodes,
    double SuccessRate,
    double CrashRate,
    double TimeoutRate,
    double? MeanTimeToTargetS,
    double? PathEfficiency,
    double Smoothness,
    double MinClearanceM,
    double WorstClearanceM)
{
    public static RunSummary Of(string policy, string world, ulong seed, string shard, IReadOnlyList<EpisodeResult> episodes)
    {
        ArgumentNullException.ThrowIfNull(episodes);
        int n = episodes.Count;
        var succeeded = episodes.Where(e => e.Success).ToArray();
        return new RunSummary(
            policy,
            world,
            seed,
            shard,
            n,
            n == 0 ? 0 : Math.Round(succeeded.Length / (double)n, 4),
            n == 0 ? 0 : Math.Round(episodes.Count(e => e.Crash) / (double)n, 4),
            n == 0 ? 0 : Math.Round(episodes.Count(e => e.Outcome == "timedout") / (double)n, 4),
            succeeded.Length == 0 ? null : Math.Round(succeeded.Average(e => e.TimeToTargetS!.Value), 3),
            succeeded.Length == 0 ? null : Math.Round(succeeded.Average(e => e.PathEfficiency!.Value), 4),
            n == 0 ? 0 : Math.Round(episodes.Average(e => e.CommandChangeMS2), 4),
            n == 0 ? 0 : Math.Round(episodes.Average(e => e.MinClearanceM), 3),
            n == 0 ? 0 : Math.Round(episodes.Min(e => e.MinClearanceM), 3));
    }
}
