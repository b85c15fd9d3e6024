namespace DroneLiquid.Training.Trainer;

/// <summary>One finished epoch: mean training loss over its batches and the validation loss after it.</summary>
public sealed record EpochSummary(int Epoch, double TrainLoss, double ValidationLoss, double LearningRate, int Steps, bool Best);
