namespace DroneLiquid.Sim.Scenarios;

/// <summary>Things that can be made to happen during a run; the scenario file names them in snake_case.</summary>
public enum SimEventKind
{
    /// <summary>Adds a wind gust (peak velocity NED) that ramps in and out over its duration.</summary>
    WindGust,

    /// <summary>The published sensor samples stop updating for the duration (the autopilot keeps flying on its own estimate).</summary>
    SensorFreeze,

    /// <summary>The battery's remaining charge drops to the given fraction.</summary>
    LowBattery,
}
