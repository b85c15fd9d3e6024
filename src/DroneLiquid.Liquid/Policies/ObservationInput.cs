namespace DroneLiquid.Liquid.Policies;

/// <summary>
/// One input of the network, in the order the network takes them. The flight code feeds
/// <c>(raw - Mean) / Std</c>; a raw value outside [<see cref="Min"/>, <see cref="Max"/>] is invalid.
/// </summary>
/// <param name="Name">Unique name, e.g. <c>velocity_ned_north</c>.</param>
/// <param name="Unit">SI unit of the raw value (<c>m/s</c>, <c>rad</c>, <c>1</c> for dimensionless).</param>
/// <param name="Min">Lowest valid raw value, or null for unbounded.</param>
/// <param name="Max">Highest valid raw value, or null for unbounded.</param>
public sealed record ObservationInput(string Name, string Unit, double Mean = 0.0, double Std = 1.0, double? Min = null, double? Max = null);
