namespace DroneLiquid.Training.Trainer;

/// <summary>The outcome of a training run (the `--json` summary of `droneliquid-train train`).</summary>
public sealed record TrainingResult(
    string Policy,
    string Output,
    int Epochs,
    int ResumedFromEpoch,
    int Steps,
    int BestEpoch,
    double BestValidationLoss,
    double FirstTrainLoss,
    double FinalTrainLoss,
    int TrainingEpisodes,
    int ValidationEpisodes,
    long TrainingSteps,
    long TrainableParameters,
    double Seconds,
    IReadOnlyList<EpochSummary> History);
