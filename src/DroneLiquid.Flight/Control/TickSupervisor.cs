namespace DroneLiquid.Flight.Control;

/// <summary>
/// Watches the tick loop from outside the tick thread, on a <see cref="TimeProvider"/> timer every quarter of the
/// stall limit. States: healthy → stalled when a tick has been running (or the loop silent) for longer than the
/// limit, or a tick threw; stalled → healthy again once ticks complete. On each entry into stalled it calls
/// <c>onStall</c> once (the session commands Hold through the autopilot's async API, never a setpoint).
/// </summary>
internal sealed class TickSupervisor : IDisposable
{
    private readonly TickLoop _loop;
    private readonly TimeProvider _time;
    private readonly long _stallTicks;
    private readonly Action<double> _onStall;
    private readonly TimeSpan _interval;
    private ITimer? _timer;
    private long _errorsSeen;
    private volatile bool _stalled;

    public TickSupervisor(TickLoop loop, TimeSpan stallAfter, TimeProvider time, Action<double> onStall)
    {
        _loop = loop;
        _time = time;
        _stallTicks = (long)(stallAfter.TotalSeconds * time.TimestampFrequency);
        _onStall = onStall;
        _interval = stallAfter / 4;
    }

    /// <summary>True while no stall is seen.</summary>
    public bool Healthy => !_stalled;

    /// <summary>Stalls seen so far.</summary>
    public int Stalls { get; private set; }

    public void Start() => _timer = _time.CreateTimer(static s => ((TickSupervisor)s!).Check(), this, _interval, _interval);

    public void Dispose() => _timer?.Dispose();

    /// <summary>One look at the loop (the timer's callback; public for tests).</summary>
    public void Check()
    {
        if (!_loop.Running)
        {
            return;
        }

        long now = _time.GetTimestamp();
        long since = _loop.TickInProgressSince;
        long stuckTicks = since != 0 ? now - since : now - _loop.LastActivity;
        long errors = _loop.Errors;
        bool failing = errors > _errorsSeen;
        _errorsSeen = errors;
        bool stalled = stuckTicks > _stallTicks || failing;
        if (stalled && !_stalled)
        {
            _stalled = true;
            Stalls++;
            _onStall((double)stuckTicks * 1000 / _time.TimestampFrequency);
        }
        else if (!stalled && _stalled)
        {
            _stalled = false;
        }
    }
}
