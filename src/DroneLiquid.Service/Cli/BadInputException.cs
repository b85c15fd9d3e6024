namespace DroneLiquid.Service.Cli;

/// <summary>Thrown by a verb when its input is unusable; <see cref="CliRunner"/> prints the message and exits 2.</summary>
internal sealed class BadInputException(string message, Exception? inner = null) : Exception(message, inner);
