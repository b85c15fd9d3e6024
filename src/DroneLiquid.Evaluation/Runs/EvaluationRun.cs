namespace DroneLiquid.Evaluation.Runs;

/// <summary>
/// One run of one pilot in one world, as results.json holds it: who flew (<see cref="Policy"/> is the policy's name
/// or "expert", <see cref="PolicySha256"/> the SHA-256 of its policy.json), the world, seed, total episode count and
/// shard, the settings, the summary and the episodes of this shard in index order. Nothing here depends on the machine
/// or the wall clock, so the same arguments give the same run.
/// </summary>
public sealed record EvaluationRun(
    string Policy,
    string? PolicySha256,
    string World,
    ulong Seed,
    int EpisodesTotal,
    int ShardIndex,
    int ShardCount,
    RunSettings Settings,
    RunSummary Summary,
    IReadOnlyList<EpisodeResult> Episodes)
{
    /// <summary>i/N as printed.</summary>
    public string ShardText => $"{ShardIndex}/{ShardCount}";

    /// <summary>Runs with equal keys are shards (or repeats) of one evaluation and may be merged.</summary>
    public string MergeKey => $"{Policy}|{PolicySha256}|{World}|{Seed}|{EpisodesTotal}|{Settings}";
}
