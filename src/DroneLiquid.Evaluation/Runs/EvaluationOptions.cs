using DroneLiquid.Evaluation.Episodes;
using DroneLiquid.Evaluation.Flying;

namespace DroneLiquid.Evaluation.Runs;

/// <summary>
/// What `droneliquid eval` flies: <see cref="Episodes"/> test episodes from <see cref="Seed"/> (only the slice
/// <see cref="ShardIndex"/>/<see cref="ShardCount"/> of them: episode i belongs to shard i mod count), with the policy in
/// <see cref="PolicyDirectory"/> in control, or the expert when it is null.
/// </summary>
public sealed record EvaluationOptions
{
    /// <summary>The world and episode rules; the image size is taken from a vision policy, not from here.</summary>
    public required EpisodeSettings Settings { get; init; }

    public required ulong Seed { get; init; }

    /// <summary>Episodes of the whole run (all shards together).</summary>
    public required int Episodes { get; init; }

    public int ShardIndex { get; init; }

    public int ShardCount { get; init; } = 1;

    /// <summary>The policy folder to fly, or null for the expert.</summary>
    public string? PolicyDirectory { get; init; }

    public int Workers { get; init; } = EpisodeParallel.DefaultWorkers;

    /// <summary>The episode indices of this shard, ascending.</summary>
    public IEnumerable<int> ShardEpisodes() => Enumerable.Range(0, Episodes).Where(i => i % ShardCount == ShardIndex);

    public void Validate()
    {
        Settings.Validate();
        if (Episodes is < 1 or > 1_000_000)
        {
            throw new ArgumentException($"episodes: expected 1..1000000, got {Episodes}");
        }

        if (ShardCount < 1 || ShardIndex < 0 || ShardIndex >= ShardCount)
        {
            throw new ArgumentException($"shard: expected i/N with 0 <= i < N, got {ShardIndex}/{ShardCount}");
        }

        if (Workers is < 1 or > 1024)
        {
            throw new ArgumentException($"workers: expected 1..1024, got {Workers}");
        }
    }
}
