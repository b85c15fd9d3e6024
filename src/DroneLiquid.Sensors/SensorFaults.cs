namespace DroneLiquid.Sensors;

/// <summary>The reasons behind a <see cref="SensorHealth"/>; several can hold at once.</summary>
[Flags]
public enum SensorFaults
{
    /// <summary>Nothing wrong.</summary>
    None = 0,

    /// <summary>No value has been published yet (Stale).</summary>
    NoData = 1 << 0,

    /// <summary>The newest value is older than the configured age limit (Stale).</summary>
    Stale = 1 << 1,

    /// <summary>The device was not found or could not be configured at start (Failed).</summary>
    NotFound = 1 << 2,

    /// <summary>At least the configured number of reads in a row failed (Failed until a read succeeds).</summary>
    ReadErrors = 1 << 3,

    /// <summary>The raw output has not changed for longer than the configured limit: a stuck chip or bus (Failed).</summary>
    Frozen = 1 << 4,

    /// <summary>At least one axis is at the configured range limit, so the value is clipped (a warning; health stays Ok).</summary>
    Saturated = 1 << 5,

    /// <summary>The source has been stopped or disposed (Failed).</summary>
    Stopped = 1 << 6,
}
