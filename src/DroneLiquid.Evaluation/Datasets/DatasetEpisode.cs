namespace DroneLiquid.Evaluation.Datasets;

/// <summary>One episode file of a dataset: its name, episode index and world seed, record count and how the flight ended.</summary>
/// <param name="ExpertSuccess">True when the flight reached the target (with the expert, or the mix of expert and learner that flew).</param>
/// <param name="Outcome">succeeded, crashed or timedout.</param>
public sealed record DatasetEpisode(string File, int Index, ulong WorldSeed, int Samples, bool ExpertSuccess, string Outcome);
