namespace DroneLiquid.Flight.Tests.Fakes;

/// <summary>
/// A hand-stepped clock with no timers and no locks, for allocation tests (FakeTimeProvider's Advance is not
/// measured, only the tick): <see cref="Advance"/> moves both the timestamp and the UTC time.
/// </summary>
internal sealed class FakeClock : TimeProvider
{
    private static readonly DateTimeOffset Epoch = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
    private long _ticks = TimeSpan.TicksPerSecond;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Volatile.Read(ref _ticks);

    public override DateTimeOffset GetUtcNow() => Epoch.AddTicks(Volatile.Read(ref _ticks));

    public void Advance(TimeSpan step) => Interlocked.Add(ref _ticks, step.Ticks);
}
