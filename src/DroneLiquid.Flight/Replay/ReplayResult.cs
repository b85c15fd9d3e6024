namespace DroneLiquid.Flight.Replay;

/// <summary>
/// How a policy's outputs on a recorded flight compare with the recorded ones.
/// </summary>
/// <param name="PolicyDirectory">The policy replayed.</param>
/// <param name="SamePolicy">True when its policy.json hash equals the one the flight recorded.</param>
/// <param name="Ticks">Records in the tick log.</param>
/// <param name="Steps">Records on which the flight stepped the policy (and the replay stepped it again).</param>
/// <param name="Compared">Successful steps whose outputs were compared.</param>
/// <param name="MaxAbsDifference">Largest |replayed - recorded| over every output of every compared step (+inf if either was not finite).</param>
/// <param name="WorstTick">The record index of that largest difference, -1 when nothing differed.</param>
/// <param name="StatusMismatches">Steps whose outcome (ok, non-finite output, ...) differed from the flight's.</param>
public sealed record ReplayResult(
    string PolicyDirectory,
    bool SamePolicy,
    long Ticks,
    long Steps,
    long Compared,
    double MaxAbsDifference,
    long WorstTick,
    long StatusMismatches)
{
    /// <summary>The replay reproduced the flight bit for bit.</summary>
    public bool Exact => MaxAbsDifference == 0 && StatusMismatches == 0;
}
