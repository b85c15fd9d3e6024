namespace DroneLiquid.Training.Trainer;

/// <summary>What a checkpoint records besides tensors.</summary>
/// <param name="Fingerprint">SHA-256 of the config and data identity; a rerun resumes only when it matches.</param>
/// <param name="Epoch">Last finished epoch (1-based).</param>
/// <param name="AverageFrom">First epoch in the weight average (<c>training.export</c> "average"); 0: none kept.</param>
public sealed record CheckpointState(string Fingerprint, int Epoch, int Steps, int BestEpoch, double BestValidationLoss, IReadOnlyList<EpochSummary> History, int AverageFrom = 0);
