using DroneLiquid.Evaluation.Episodes;
using DroneLiquid.Evaluation.Flying;
using DroneLiquid.Flight.Policies;
using DroneLiquid.Liquid.Policies;
using DroneLiquid.Perception.Onnx;

namespace DroneLiquid.Evaluation.Runs;

/// <summary>
/// Flies an evaluation closed loop: the test episodes of one shard in parallel, one <see cref="EpisodeRunner"/> and one
/// <see cref="FlightPolicy"/> per worker (the policy in control; vision policies get camera frames rendered at their
/// perception size through the flight conversion), or the expert. Results are in episode order, so the number of
/// workers never changes them.
/// </summary>
public static class PolicyEvaluator
{
    /// <summary>The name results use for the expert pilot.</summary>
    public const string ExpertName = "expert";

    /// <exception cref="ArgumentException">Bad options.</exception>
    /// <exception cref="PolicyFormatException">The policy folder is malformed or does not fit the flight code.</exception>
    /// <exception cref="OnnxModelException">The perception graph is bad.</exception>
    public static EvaluationRun Run(EvaluationOptions options, Action<int>? completed = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        EpisodeSettings settings = options.Settings;
        string name = ExpertName;
        string? sha = null;
        if (options.PolicyDirectory is { } directory)
        {
            using FlightPolicy probe = FlightPolicy.Open(directory, OnnxRunnerOptions.Default);
            name = probe.Document.Name;
            sha = PolicyFolder.Sha256(Path.Combine(directory, PolicyFolder.PolicyFileName));
            settings = probe.Perception is { } perception
                ? settings with { ImageWidth = perception.Width, ImageHeight = perception.Height }
                : settings with { ImageWidth = 0, ImageHeight = 0 };
            EpisodeRunner.CheckImage(settings, probe);
        }
        else
        {
            settings = settings with { ImageWidth = 0, ImageHeight = 0 };
        }

        int[] indices = options.ShardEpisodes().ToArray();
        PilotMix mix = options.PolicyDirectory is null ? PilotMix.Expert : PilotMix.Learner;
        EpisodeResult[] episodes = EpisodeParallel.Run(
            indices.Length,
            options.Workers,
            () => new EpisodeWorker(settings, options.PolicyDirectory),
            (worker, slot) => worker.Runner.Fly(EpisodeGenerator.Create(settings, EpisodePurpose.Test, options.Seed, indices[slot]), mix),
            completed);
        string world = EpisodeArguments.Name(settings.World);
        string shard = $"{options.ShardIndex}/{options.ShardCount}";
        return new EvaluationRun(name, sha, world, options.Seed, options.Episodes, options.ShardIndex, options.ShardCount,
            RunSettings.From(settings), RunSummary.Of(name, world, options.Seed, shard, episodes), episodes);
    }
}
