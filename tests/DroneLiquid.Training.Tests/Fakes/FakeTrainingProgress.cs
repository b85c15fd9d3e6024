using DroneLiquid.Training.Trainer;

namespace DroneLiquid.Training.Tests.Fakes;

/// <summary>Records what the trainer reports.</summary>
public sealed class FakeTrainingProgress : ITrainingProgress
{
    /// <summary>Called after each finished epoch with its number (tests cancel a run from here).</summary>
    public Action<int>? AfterEpoch { get; init; }

    public int FirstEpoch { get; private set; }

    public int Batches { get; private set; }

    public List<EpochSummary> Epochs { get; } = [];

    /// <summary>Each stage started, with the epoch it started at (past its last epoch: found finished).</summary>
    public List<(string Stage, int FirstEpoch)> Starts { get; } = [];

    public void Started(string stage, int firstEpoch, int epochs, int batchesPerEpoch)
    {
        Starts.Add((stage, firstEpoch));
        FirstEpoch = firstEpoch;
    }

    public void Batch(int epoch, int batch, double loss) => Batches++;

    public void Epoch(EpochSummary summary)
    {
        Epochs.Add(summary);
        AfterEpoch?.Invoke(summary.Epoch);
    }
}
