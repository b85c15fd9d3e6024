namespace DroneLiquid.Evaluation.Datasets;

/// <summary>A named float column of a dataset record, with its SI unit.</summary>
public sealed record DatasetColumn(string Name, string Unit);
