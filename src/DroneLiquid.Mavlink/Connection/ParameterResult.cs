
namespace DroneLiquid.Mavlink.Connection;

/// <summary>The outcome of reading or setting one parameter.</summary>
/// <param name="Status">Ok, rejected, timed out or not sent.</param>
/// <param name="Parameter">The PARAM_VALUE that answered (for Rejected: the value the autopilot kept), or null.</param>
/// <param name="Attempts">Requests sent.</param>
public readonly record struct ParameterResult(ParameterStatus Status, MavlinkParameter? Parameter, int Attempts);
