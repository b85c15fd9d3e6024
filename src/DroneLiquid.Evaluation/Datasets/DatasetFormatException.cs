namespace DroneLiquid.Evaluation.Datasets;

/// <summary>A dataset folder, manifest or episode file is missing, malformed, truncated or inconsistent; the message names the file.</summary>
public sealed class DatasetFormatException(string message, Exception? inner = null) : Exception(message, inner);
