using DroneLiquid.Flight.Policies;

namespace DroneLiquid.Flight.Recorder;

/// <summary>The tick log layout for a policy: its observations and actions by name and unit, and its image features.</summary>
public static class FlightTickLog
{
    /// <summary>
    /// The layout the flight session records with <paramref name="policy"/>: one obs: column per computed
    /// observation (raw, before normalisation), one feat: column per image feature, one out: column per action.
    /// </summary>
    public static TickLogLayout LayoutFor(FlightPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var observations = policy.Observations.Inputs.Select(o => $"{o.Name}[{o.Unit}]").ToArray();
        var outputs = policy.Document.Actions.Select(a => $"{a.Name}[{a.Unit}]").ToArray();
        return new TickLogLayout(observations, outputs, policy.FeatureCount);
    }
}
