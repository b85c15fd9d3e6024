namespace DroneLiquid.Service.Cli.Bench;

/// <summary>A clock the soak steps by hand (one tick period at a time), so a simulated hour runs in seconds.</summary>
internal sealed class SteppedClock : TimeProvider
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private long _ticks = TimeSpan.TicksPerSecond;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => _ticks;

    public override DateTimeOffset GetUtcNow() => Start.AddTicks(_ticks);

    public void Advance(TimeSpan step) => _ticks += step.Ticks;
}
