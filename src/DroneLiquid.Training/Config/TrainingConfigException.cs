namespace DroneLiquid.Training.Config;

/// <summary>A training config or its data cannot be used; the message names the file and key.</summary>
public sealed class TrainingConfigException(string message) : Exception(message);
