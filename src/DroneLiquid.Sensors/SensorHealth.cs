namespace DroneLiquid.Sensors;

/// <summary>
/// How far the tick can trust a source's latest value, ordered by severity so that "worst wins" is a comparison.
/// The reasons behind a state are in <see cref="SensorFaults"/>.
/// </summary>
public enum SensorHealth
{
    /// <summary>Fresh and plausible.</summary>
    Ok = 0,

    /// <summary>The newest value is older than the source's configured age limit, or none has arrived yet.</summary>
    Stale = 1,

    /// <summary>The source is broken: missing at start, too many consecutive read errors, or frozen output.</summary>
    Failed = 2,
}
