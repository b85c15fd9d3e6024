using DroneLiquid.Evaluation.Episodes;
using DroneLiquid.Evaluation.Flying;

namespace DroneLiquid.Evaluation.Datasets;

/// <summary>
/// What `droneliquid collect` gathers: <see cref="Episodes"/> episodes of <see cref="Purpose"/> (train or validation)
/// from <see cref="Seed"/>, flown per <see cref="Mix"/> (the expert, with optional noise, or DAgger with the learner in
/// <see cref="LearnerDirectory"/>), into <see cref="OutputDirectory"/>.
/// </summary>
public sealed record CollectOptions
{
    public required EpisodeSettings Settings { get; init; }

    public EpisodePurpose Purpose { get; init; } = EpisodePurpose.Train;

    public required ulong Seed { get; init; }

    public required int Episodes { get; init; }

    public required string OutputDirectory { get; init; }

    public PilotMix Mix { get; init; } = PilotMix.Expert;

    /// <summary>The DAgger learner's policy folder, or null.</summary>
    public string? LearnerDirectory { get; init; }

    public int Workers { get; init; } = EpisodeParallel.DefaultWorkers;

    /// <summary>Checks the options; throws <see cref="ArgumentException"/> naming the option, what is allowed and what was given.</summary>
    public void Validate()
    {
        Settings.Validate();
        Mix.Validate();
        if (Purpose == EpisodePurpose.Test)
        {
            throw new ArgumentException("purpose: test episodes are reserved for evaluation; collect train or validation data");
        }

        if (Episodes is < 1 or > 1_000_000)
        {
            throw new ArgumentException($"episodes: expected 1..1000000, got {Episodes}");
        }

        if (Workers is < 1 or > 1024)
        {
            throw new ArgumentException($"workers: expected 1..1024, got {Workers}");
        }

        if ((LearnerDirectory is null) != (Mix.ExpertProbability >= 1))
        {
            throw new ArgumentException(LearnerDirectory is null
                ? $"beta {Mix.ExpertProbability} lets a learner fly, but no DAgger policy was given"
                : "a DAgger policy needs beta < 1 (the probability that the expert flies a tick)");
        }
    }
}
