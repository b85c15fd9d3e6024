namespace DroneLiquid.Training.Trainer;

/// <summary>What the trainer reports while it runs (the CLI draws a progress bar from it).</summary>
public interface ITrainingProgress
{
    /// <summary>
    /// Stage <paramref name="stage"/> ("trunk" when a vision trunk is pretrained, then "head") starts or resumes at
    /// <paramref name="firstEpoch"/> of <paramref name="epochs"/>, with <paramref name="batchesPerEpoch"/> batches each.
    /// </summary>
    void Started(string stage, int firstEpoch, int epochs, int batchesPerEpoch);

    void Batch(int epoch, int batch, double loss);

    void Epoch(EpochSummary summary);
}
