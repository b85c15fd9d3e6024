namespace DroneLiquid.Service.Host;

/// <summary>
/// What the systemd watchdog asks before each ping: is the service doing its job? In flight that is the control
/// tick's own verdict (FlightSession.TickHealthy: it ran within its deadline); before and after a flight it is the
/// host loop, which calls <see cref="HostLoopAlive"/> while it connects and waits. A stalled tick or a stuck loop
/// stops the pings, and systemd restarts the service after WatchdogSec.
/// </summary>
public sealed class FlightHealth
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _hostLoopTimeout;
    private long _lastBeat;
    private Func<bool>? _tickHealthy;

    /// <param name="hostLoopTimeout">How long after the last <see cref="HostLoopAlive"/> the host loop still counts as alive.</param>
    public FlightHealth(TimeProvider time, TimeSpan hostLoopTimeout)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(hostLoopTimeout, TimeSpan.Zero);
        _time = time;
        _hostLoopTimeout = hostLoopTimeout;
        _lastBeat = time.GetTimestamp();
    }

    /// <summary>True while a flight session is attached.</summary>
    public bool InFlight => Volatile.Read(ref _tickHealthy) is not null;

    /// <summary>The verdict: the tick's while in flight, else whether the host loop beat recently.</summary>
    public bool IsHealthy => Volatile.Read(ref _tickHealthy) is { } tick
        ? tick()
        : _time.GetElapsedTime(Interlocked.Read(ref _lastBeat)) <= _hostLoopTimeout;

    /// <summary>The host loop is alive now (call it at least every half watchdog period outside flight).</summary>
    public void HostLoopAlive() => Interlocked.Exchange(ref _lastBeat, _time.GetTimestamp());

    /// <summary>From now on the verdict is <paramref name="tickHealthy"/> (the session's TickHealthy).</summary>
    public void AttachSession(Func<bool> tickHealthy)
    {
        ArgumentNullException.ThrowIfNull(tickHealthy);
        Volatile.Write(ref _tickHealthy, tickHealthy);
    }

    /// <summary>The flight ended: back to the host loop's beat.</summary>
    public void DetachSession()
    {
        HostLoopAlive();
        Volatile.Write(ref _tickHealthy, null);
    }
}
