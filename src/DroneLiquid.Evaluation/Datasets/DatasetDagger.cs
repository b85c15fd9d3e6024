namespace DroneLiquid.Evaluation.Datasets;

/// <summary>A DAgger round's learner: its policy name and policy.json SHA-256, and beta (probability that the expert flies a tick).</summary>
public sealed record DatasetDagger(string Policy, string PolicySha256, double Beta);
