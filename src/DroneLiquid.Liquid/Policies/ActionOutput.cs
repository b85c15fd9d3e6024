namespace DroneLiquid.Liquid.Policies;

/// <summary>
/// One output of the network, in the order the network produces them. The command sent is
/// <c>raw * Scale + Offset</c>, limited to [<see cref="Min"/>, <see cref="Max"/>].
/// </summary>
/// <param name="Name">Unique name, e.g. <c>velocity_ned_north</c>.</param>
/// <param name="Unit">SI unit of the command after scaling.</param>
/// <param name="Min">Lowest command, or null for no limit here (the flight safety envelope still applies).</param>
/// <param name="Max">Highest command, or null for no limit here.</param>
public sealed record ActionOutput(string Name, string Unit, double Scale = 1.0, double Offset = 0.0, double? Min = null, double? Max = null);
