
namespace DroneLiquid.Mavlink.Connection;

/// <summary>
/// Decides whether the link is alive from when we last heard a valid frame. Time is an argument, so the
/// state machine can be driven by any clock (tests step a <c>FakeTimeProvider</c>).
/// <code>
///   NeverHeard ──heard──► Alive ──silence ≥ timeout──► Lost
///                           ▲                           │
///                           └───────────heard───────────┘  (reported as "regained")
/// </code>
/// </summary>
public sealed class LinkWatchdog
{
    private readonly TimeSpan _timeout;
    private long _lastHeard;

    /// <summary>Creates a watchdog that declares the link lost after <paramref name="timeout"/> of silence.</summary>
    public LinkWatchdog(TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        _timeout = timeout;
    }

    /// <summary>The state now.</summary>
    public LinkState State { get; private set; } = LinkState.NeverHeard;

    /// <summary>Records a valid frame at <paramref name="timestamp"/> (a <see cref="TimeProvider.GetTimestamp"/> value); returns true when this regains a lost link.</summary>
    public bool Heard(long timestamp)
    {
        Volatile.Write(ref _lastHeard, timestamp);
        LinkState previous = State;
        State = LinkState.Alive;
        return previous == LinkState.Lost;
    }

    /// <summary>Checks the silence at <paramref name="now"/>; returns true when this check declares the link lost.</summary>
    public bool Check(TimeProvider timeProvider, long now)
    {
        if (State != LinkState.Alive || timeProvider.GetElapsedTime(Volatile.Read(ref _lastHeard), now) < _timeout)
        {
            return false;
        }

        State = LinkState.Lost;
        return true;
    }
}
