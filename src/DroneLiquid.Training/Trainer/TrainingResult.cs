namespace DroneLiquid.Training.Trainer;

/// <summary>The outcome of a training run (the `--json` summary of `droneliquid-train train`).</summary>
/// <param name="ExportedEpoch">The epoch whose weights the policy got (the best one unless <c>training.export</c> is "last").</param>
/// <param name="TrunkHistory">Stage one's epochs when the trunk was pretrained, else empty.</param>
public sealed record TrainingResult(
    string Policy,
    string Output,
    int Epochs,
    int ResumedFromEpoch,
    int Steps,
    int ExportedEpoch,
    int BestEpoch,
    double BestValidationLoss,
    double FirstTrainLoss,
    double FinalTrainLoss,
    int TrainingEpisodes,
    int ValidationEpisodes,
    long TrainingSteps,
    long TrainableParameters,
    double Seconds,
    IReadOnlyList<EpochSummary> History,
    IReadOnlyList<EpochSummary> TrunkHistory);
