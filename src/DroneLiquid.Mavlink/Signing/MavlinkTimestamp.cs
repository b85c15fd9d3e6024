namespace DroneLiquid.Mavlink;

/// <summary>Signing timestamps: 48 bits, units of 10 µs since 2015-01-01 00:00:00 UTC.</summary>
public static class MavlinkTimestamp
{
    public static readonly DateTimeOffset Epoch = new(2015, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Largest value the 48-bit field holds.</summary>
    public const ulong MaxValue = (1UL << 48) - 1;

    /// <summary>Ticks (100 ns) per timestamp unit (10 µs).</summary>
    private const long TicksPerUnit = 100;

    /// <summary>One minute in timestamp units: how far behind a new stream may start.</summary>
    public const ulong OneMinute = 60UL * 100_000UL;

    public static ulong FromTime(DateTimeOffset time)
    {
        long units = (time.UtcTicks - Epoch.UtcTicks) / TicksPerUnit;
        return units <= 0 ? 0 : Math.Min((ulong)units, MaxValue);
    }

    public static DateTimeOffset ToTime(ulong timestamp) => Epoch.AddTicks((long)(timestamp & MaxValue) * TicksPerUnit);

    public static ulong Now(TimeProvider clock) => FromTime(clock.GetUtcNow());
}
