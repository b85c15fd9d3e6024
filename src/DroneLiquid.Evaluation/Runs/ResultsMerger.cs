namespace DroneLiquid.Evaluation.Runs;

/// <summary>
/// Combines runs: shards of one evaluation (same pilot, policy hash, world, seed, episode count and settings) become
/// one run whose episodes are exactly 0..N-1, each once, with the summary recomputed; runs of different pilots or worlds
/// stay side by side for a comparison report. A missing or repeated episode is an error naming it.
/// </summary>
public static class ResultsMerger
{
    /// <exception cref="InvalidDataException">Shards overlap, leave episodes out, or carry episodes of another run.</exception>
    public static IReadOnlyList<EvaluationRun> Merge(IEnumerable<EvaluationRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var merged = new List<EvaluationRun>();
        foreach (var group in runs.GroupBy(r => r.MergeKey, StringComparer.Ordinal))
        {
            EvaluationRun first = group.First();
            var episodes = new SortedDictionary<int, EpisodeResult>();
            foreach (EvaluationRun run in group)
            {
                foreach (EpisodeResult e in run.Episodes)
                {
                    if (e.Index < 0 || e.Index >= first.EpisodesTotal)
                    {
                        throw new InvalidDataException($"{Describe(first)}: episode {e.Index} is outside 0..{first.EpisodesTotal - 1}");
                    }

                    if (!episodes.TryAdd(e.Index, e))
                    {
                        throw new InvalidDataException($"{Describe(first)}: episode {e.Index} appears in more than one shard (shard {run.ShardText} repeats it)");
                    }
                }
            }

            if (episodes.Count != first.EpisodesTotal)
            {
                int missing = Enumerable.Range(0, first.EpisodesTotal).First(i => !episodes.ContainsKey(i));
                throw new InvalidDataException(
                    $"{Describe(first)}: {episodes.Count} of {first.EpisodesTotal} episodes present (episode {missing} missing); merge every shard of the run");
            }

            EpisodeResult[] ordered = [.. episodes.Values];
            merged.Add(first with
            {
                ShardIndex = 0,
                ShardCount = 1,
                Episodes = ordered,
                Summary = RunSummary.Of(first.Policy, first.World, first.Seed, "0/1", ordered),
            });
        }

        return merged;
    }

    private static string Describe(EvaluationRun run) => $"{run.Policy} in {run.World}, seed {run.Seed}";
}
