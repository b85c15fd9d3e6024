using System.Text.Json.Serialization;

namespace DroneLiquid.Training.Config;

/// <summary>
/// Behaviour cloning by truncated backpropagation through time: windows of <see cref="Window"/> steps from
/// zero state, overlapping by half, Adam with gradient-norm clipping.
/// </summary>
/// <param name="MaxSteps">Stop after this many optimiser steps in all (0: no limit); for smoke runs.</param>
/// <param name="FeatureNoise">
/// Standard deviation of Gaussian noise added to the frozen trunk's features (tanh, in [-1, 1]) in every training
/// batch of the head; null or 0: none. The head then cannot lean on small feature differences that another world
/// changes, and weighs the goal and velocity more. Needs a pretrained trunk (<c>vision.pretrain</c>).
/// </param>
/// <param name="Export">
/// Which weights the policy gets: "best" (lowest validation loss; the default), "last", or "average" (the mean of
/// the weights after each of the last <see cref="AverageEpochs"/> epochs). Validation loss is the error on recorded
/// steps with the expert's states as input; a head that flies its own states better can score worse there, so when
/// closed-loop flights on validation seeds favour the last epoch or the average, take it.
/// </param>
/// <param name="AverageEpochs">How many of the last epochs the "average" export takes (2 to epochs); only with it.</param>
/// <param name="BrakeWeight">
/// How many times a step counts in the head's loss when the expert brakes there: its forward command is at least
/// <see cref="Data.StepWeights.BrakeMarginMetresPerSecond"/> below the forward velocity (a learner closing on an
/// obstacle in the DAgger rounds; rare in the expert's own flights). Null or 1: every step alike. Needs
/// velocity_body_forward among the observations and the actions.
/// </param>
/// <param name="Seed">
/// Seed of the head alone (its initial weights, batch order and feature noise); null: the run's seed. The shared
/// trunk keeps the run's seed, so heads of several seeds train on one trunk and closed-loop flights on validation
/// seeds can choose among them (behaviour-cloned pilots of equal loss can fly quite differently). Needs
/// <c>vision.pretrain</c>; without it the run's seed is the only one.
/// </param>
public sealed record OptimisationConfig(
    int Epochs = 20,
    int Window = 32,
    int Batch = 32,
    double LearningRate = 3e-3,
    double LearningRateFinal = 3e-4,
    double ClipNorm = 1.0,
    double ValidationFraction = 0.15,
    int MaxSteps = 0,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? FeatureNoise = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Export = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Seed = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? AverageEpochs = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? BrakeWeight = null)
{
    /// <summary>True when the last epoch is exported instead of the best one.</summary>
    [JsonIgnore]
    public bool ExportsLast => Export == "last";

    /// <summary>First epoch in the weight average; int.MaxValue when the export is not "average".</summary>
    [JsonIgnore]
    public int AverageFrom => Export == "average" && AverageEpochs is { } k ? Epochs - k + 1 : int.MaxValue;

    public IEnumerable<string> Validate()
    {
        if (Epochs < 1) yield return $"epochs: is {Epochs}, expected >= 1";
        if (Window < 2) yield return $"window: is {Window}, expected >= 2";
        if (Batch < 1) yield return $"batch: is {Batch}, expected >= 1";
        if (!(LearningRate > 0) || !(LearningRateFinal > 0)) yield return $"learning_rate/learning_rate_final: are {LearningRate}/{LearningRateFinal}, expected > 0";
        if (!(ClipNorm > 0)) yield return $"clip_norm: is {ClipNorm}, expected > 0";
        if (!(ValidationFraction > 0 && ValidationFraction < 1)) yield return $"validation_fraction: is {ValidationFraction}, expected in (0, 1)";
        if (MaxSteps < 0) yield return $"max_steps: is {MaxSteps}, expected >= 0";
        if (Export is not (null or "best" or "last" or "average")) yield return $"export: is '{Export}', expected \"best\", \"last\" or \"average\"";
        if (Export == "average" && AverageEpochs is null) yield return "export: \"average\" needs average_epochs";
        if (AverageEpochs is { } k && (k < 2 || k > Epochs)) yield return $"average_epochs: is {k}, expected 2 to epochs ({Epochs})";
        if (AverageEpochs is not null && Export != "average") yield return "average_epochs: only with export \"average\"";
        if (FeatureNoise is { } noise && !(noise >= 0 && noise <= 1)) yield return $"feature_noise: is {noise}, expected in [0, 1]";
        if (BrakeWeight is { } brake && !(brake >= 1 && brake <= 100)) yield return $"brake_weight: is {brake}, expected in [1, 100]";
    }
}
