
namespace DroneLiquid.Mavlink.Connection;

/// <summary>One parameter as a PARAM_VALUE reported it.</summary>
/// <param name="Name">param_id (up to 16 characters).</param>
/// <param name="Index">param_index (ArduPilot answers a read by name with 65535).</param>
/// <param name="Count">param_count: how many parameters the component has.</param>
/// <param name="Value">The value with its type, decoded per the autopilot's encoding.</param>
public sealed record MavlinkParameter(string Name, int Index, int Count, ParameterValue Value);
