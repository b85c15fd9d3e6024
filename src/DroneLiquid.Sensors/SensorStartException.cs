namespace DroneLiquid.Sensors;

/// <summary>
/// A required sensor could not be started. The message names the device (bus and address, or device path),
/// what was expected and what happened, in one line.
/// </summary>
public sealed class SensorStartException(string message, Exception? inner = null) : Exception(message, inner);
