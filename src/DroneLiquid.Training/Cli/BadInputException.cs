namespace DroneLiquid.Training.Cli;

/// <summary>An input problem a verb reports as one line on stderr and exit code 2.</summary>
internal sealed class BadInputException(string message) : Exception(message);
