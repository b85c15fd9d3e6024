using DroneLiquid.Training.Trainer;
using Spectre.Console;

namespace DroneLiquid.Training.Cli;

/// <summary>Draws the trainer's progress as one bar over all remaining batches: epoch, loss, ETA.</summary>
internal sealed class SpectreProgress(ProgressContext context, IAnsiConsole console) : ITrainingProgress
{
    private ProgressTask? _task;
    private int _epochs;
    private string _stage = string.Empty;
    private double _smoothed = double.NaN;

    public void Started(string stage, int firstEpoch, int epochs, int batchesPerEpoch)
    {
        _epochs = epochs;
        _stage = stage;
        _smoothed = double.NaN;
        if (firstEpoch > epochs)
        {
            console.MarkupLineInterpolated($"{stage}: all {epochs} epochs are in the checkpoint; using its best weights");
        }
        else if (firstEpoch > 1)
        {
            console.MarkupLineInterpolated($"{stage}: resuming after epoch {firstEpoch - 1}");
        }

        _task = context.AddTask($"{stage} epoch {firstEpoch}/{epochs}", maxValue: Math.Max(1, (epochs - firstEpoch + 1) * batchesPerEpoch));
    }

    public void Batch(int epoch, int batch, double loss)
    {
        _smoothed = double.IsNaN(_smoothed) ? loss : 0.95 * _smoothed + 0.05 * loss;
        _task!.Description = $"{_stage} epoch {epoch}/{_epochs} loss {_smoothed:F4}";
        _task.Increment(1);
    }

    public void Epoch(EpochSummary summary) =>
        console.MarkupLineInterpolated(
            $"{_stage} epoch {summary.Epoch}/{_epochs}: train {summary.TrainLoss:F4}, validation {summary.ValidationLoss:F4}, lr {summary.LearningRate:G3}{(summary.Best ? " (best)" : string.Empty)}");
}
