namespace DroneLiquid.MavlinkGen;

/// <summary>Bad input to the generator: the message names the file, the element and what was expected.</summary>
internal sealed class GeneratorException(string message) : Exception(message);
