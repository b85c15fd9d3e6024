using DroneLiquid.Sim.Core;

namespace DroneLiquid.Service.Host.Loopback;

/// <summary>
/// The service's clock in `fly --sim`: the simulation's time (timers fire as the physics steps), plus lockstep with
/// the control tick, as PX4's SITL lockstep does. Once <see cref="Follow"/> names the session's completed-tick count,
/// the next timer created with the tick period is the tick loop's; the simulator waits after each step until every
/// tick that came due has run (at most a wall-clock budget, after which time goes on, so a stalled tick is still seen
/// as stalled in simulated time). Without it a busy machine would stretch one tick over many simulated periods at a
/// high speed-up and the service would see deadline misses and stalls the vehicle never had.
/// </summary>
public sealed class LockstepClock : TimeProvider
{
    private readonly SimTimeProvider _sim;
    private readonly TimeSpan _tickPeriod;
    private Func<long>? _completed;
    private bool _tickTimerSeen;
    private long _fired;
    private long _expired;

    public LockstepClock(SimTimeProvider sim, TimeSpan tickPeriod)
    {
        ArgumentNullException.ThrowIfNull(sim);
        _sim = sim;
        _tickPeriod = tickPeriod;
    }

    /// <summary>Budgets that ran out (a tick took longer than the budget in wall time).</summary>
    public long BudgetsExpired => Interlocked.Read(ref _expired);

    public override long TimestampFrequency => _sim.TimestampFrequency;

    public override long GetTimestamp() => _sim.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => _sim.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => _sim.LocalTimeZone;

    /// <summary>From now on, lockstep with the tick loop whose completed ticks <paramref name="completedTicks"/> counts.</summary>
    public void Follow(Func<long> completedTicks)
    {
        ArgumentNullException.ThrowIfNull(completedTicks);
        Volatile.Write(ref _completed, completedTicks);
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (period == _tickPeriod && Volatile.Read(ref _completed) is not null && !_tickTimerSeen)
        {
            _tickTimerSeen = true;
            return _sim.CreateTimer(s =>
            {
                Interlocked.Increment(ref _fired);
                callback(s);
            }, state, dueTime, period);
        }

        return _sim.CreateTimer(callback, state, dueTime, period);
    }

    /// <summary>The first tick's budget: it JIT-compiles the tick path and makes ONNX Runtime's first run.</summary>
    public static readonly TimeSpan FirstTickBudget = TimeSpan.FromSeconds(5);

    /// <summary>On the simulation thread after a step: waits until the ticks due so far have run, or the budget is spent.</summary>
    public void WaitForTicks(TimeSpan budget)
    {
        if (Volatile.Read(ref _completed) is not { } completed || completed() >= Interlocked.Read(ref _fired))
        {
            return;
        }

        if (completed() == 0 && budget < FirstTickBudget)
        {
            budget = FirstTickBudget;
        }

        long start = TimeProvider.System.GetTimestamp();
        var spin = new SpinWait();
        while (completed() < Interlocked.Read(ref _fired))
        {
            if (TimeProvider.System.GetElapsedTime(start) >= budget)
            {
                // Give this tick up: time goes on, and later ticks are waited for again.
                Interlocked.Exchange(ref _fired, completed());
                Interlocked.Increment(ref _expired);
                return;
            }

            spin.SpinOnce(sleep1Threshold: 10);
        }
    }
}
