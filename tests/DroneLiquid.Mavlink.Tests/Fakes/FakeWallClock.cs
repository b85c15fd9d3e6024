namespace DroneLiquid.Mavlink.Tests.Fakes;

/// <summary>A wall clock that can be set anywhere, backwards included (an NTP step); FakeTimeProvider only moves forward.</summary>
public sealed class FakeWallClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset UtcNow { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => UtcNow;
}
