using DroneLiquid.Mavlink.Connection;

namespace DroneLiquid.Sim.Autopilot.Parameters;

/// <summary>One autopilot parameter: name (at most 16 characters), value with its MAVLink type, and the accepted range.</summary>
public sealed class EmulatedParameter(string name, ParameterValue value, double min, double max)
{
    public string Name { get; } = name.Length <= 16 ? name : throw new ArgumentException($"parameter name '{name}' is longer than 16 characters", nameof(name));

    public ParameterValue Value { get; set; } = value;

    public double Min { get; } = min;

    public double Max { get; } = max;
}
