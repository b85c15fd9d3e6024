namespace DroneLiquid.Sim.Scenarios;

/// <summary>A scenario file that cannot be used; the message names the file, the field, what was expected and what was found.</summary>
public sealed class ScenarioException(string message, Exception? inner = null) : Exception(message, inner);
