namespace DroneLiquid.Sim.Core;

/// <summary>
/// A <see cref="TimeProvider"/> driven by the simulation: time moves only when <see cref="SimWorld"/> steps,
/// so anything written against TimeProvider (the flight tick, watchdogs, the autopilot emulator) runs in
/// lockstep with the physics at any speed-up. Timers created from it fire during <see cref="Advance"/>.
/// </summary>
public sealed class SimTimeProvider : TimeProvider
{
    private readonly DateTimeOffset _epoch;
    private readonly List<SimTimer> _timers = [];
    private long _elapsedTicks;

    /// <param name="epoch">The wall-clock time the simulation starts at (UTC); fixed so runs are reproducible.</param>
    public SimTimeProvider(DateTimeOffset epoch)
    {
        _epoch = epoch.ToUniversalTime();
    }

    /// <summary>Seconds since the simulation started.</summary>
    public double ElapsedSeconds => _elapsedTicks / (double)TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow() => _epoch.AddTicks(_elapsedTicks);

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => _elapsedTicks;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Moves simulated time forward and fires every timer that came due, in due-time order.</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        long target = _elapsedTicks + delta.Ticks;
        if (_timers.Count == 0)
        {
            _elapsedTicks = target;
            return;
        }

        while (true)
        {
            SimTimer? next = null;
            lock (_timers)
            {
                foreach (SimTimer timer in _timers)
                {
                    if (timer.DueTicks <= target && (next is null || timer.DueTicks < next.DueTicks))
                    {
                        next = timer;
                    }
                }
            }

            if (next is null)
            {
                break;
            }

            _elapsedTicks = Math.Max(_elapsedTicks, next.DueTicks);
            next.Fire();
        }

        _elapsedTicks = target;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new SimTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private void Register(SimTimer timer)
    {
        lock (_timers)
        {
            if (!_timers.Contains(timer))
            {
                _timers.Add(timer);
            }
        }
    }

    private void Unregister(SimTimer timer)
    {
        lock (_timers)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class SimTimer(SimTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private long _periodTicks;

        public long DueTicks { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                owner.Unregister(this);
                return true;
            }

            DueTicks = owner._elapsedTicks + Math.Max(0, dueTime.Ticks);
            _periodTicks = period == Timeout.InfiniteTimeSpan ? 0 : Math.Max(0, period.Ticks);
            owner.Register(this);
            return true;
        }

        public void Fire()
        {
            if (_periodTicks > 0)
            {
                DueTicks += _periodTicks;
            }
            else
            {
                owner.Unregister(this);
            }

            callback(state);
        }

        public void Dispose() => owner.Unregister(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
