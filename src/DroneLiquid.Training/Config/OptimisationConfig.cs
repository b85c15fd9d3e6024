namespace DroneLiquid.Training.Config;

/// <summary>
/// Behaviour cloning by truncated backpropagation through time: windows of <see cref="Window"/> steps from
/// zero state, overlapping by half, Adam with gradient-norm clipping.
/// </summary>
/// <param name="MaxSteps">Stop after this many optimiser steps in all (0: no limit); for smoke runs.</param>
public sealed record OptimisationConfig(
    int Epochs = 20,
    int Window = 32,
    int Batch = 32,
    double LearningRate = 3e-3,
    double LearningRateFinal = 3e-4,
    double ClipNorm = 1.0,
    double ValidationFraction = 0.15,
    int MaxSteps = 0)
{
    public IEnumerable<string> Validate()
    {
        if (Epochs < 1) yield return $"epochs: is {Epochs}, expected >= 1";
        if (Window < 2) yield return $"window: is {Window}, expected >= 2";
        if (Batch < 1) yield return $"batch: is {Batch}, expected >= 1";
        if (!(LearningRate > 0) || !(LearningRateFinal > 0)) yield return $"learning_rate/learning_rate_final: are {LearningRate}/{LearningRateFinal}, expected > 0";
        if (!(ClipNorm > 0)) yield return $"clip_norm: is {ClipNorm}, expected > 0";
        if (!(ValidationFraction > 0 && ValidationFraction < 1)) yield return $"validation_fraction: is {ValidationFraction}, expected in (0, 1)";
        if (MaxSteps < 0) yield return $"max_steps: is {MaxSteps}, expected >= 0";
    }
}
