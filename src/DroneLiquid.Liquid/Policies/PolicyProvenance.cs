namespace DroneLiquid.Liquid.Policies;

/// <summary>Where a policy came from.</summary>
/// <param name="Tool">What wrote policy.json, e.g. <c>droneliquid model import 0.1.0</c>.</param>
/// <param name="CreatedUtc">When it was written.</param>
/// <param name="Details">Free strings: training data, source commit, ncps version, notes.</param>
public sealed record PolicyProvenance(string Tool, DateTimeOffset CreatedUtc, IReadOnlyDictionary<string, string> Details);
