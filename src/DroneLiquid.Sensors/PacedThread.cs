namespace DroneLiquid.Sensors;

/// <summary>
/// A dedicated thread that runs a step each time a <see cref="TimeProvider"/> timer fires, so that the pace follows
/// whatever clock the service runs on (the system clock in flight, a simulator's or a test's clock otherwise).
/// The step returns the delay until the next run. Nothing allocates per step.
/// </summary>
internal sealed class PacedThread : IDisposable
{
    private readonly AutoResetEvent _wake = new(false);
    private readonly Func<TimeSpan> _step;
    private readonly ITimer _timer;
    private readonly Thread _thread;
    private volatile bool _stopping;
    private long _armed;

    /// <summary>Creates and starts the thread; the first step runs after <paramref name="firstDelay"/>.</summary>
    public PacedThread(string name, TimeProvider timeProvider, TimeSpan firstDelay, Func<TimeSpan> step)
    {
        _step = step;
        _timer = timeProvider.CreateTimer(static state => ((AutoResetEvent)state!).Set(), _wake, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _thread = new Thread(Run) { Name = name, IsBackground = true, Priority = ThreadPriority.AboveNormal };
        _thread.Start();
        _timer.Change(firstDelay, Timeout.InfiniteTimeSpan);
        Interlocked.Increment(ref _armed);
    }

    /// <summary>How many times the timer has been armed for a next step (tests wait for it before moving a fake clock).</summary>
    internal long ArmCount => Interlocked.Read(ref _armed);

    /// <summary>Stops the thread and waits for the running step to finish.</summary>
    public void Dispose()
    {
        if (_stopping)
        {
            return;
        }

        _stopping = true;
        _timer.Dispose();
        _wake.Set();
        if (Thread.CurrentThread != _thread)
        {
            _thread.Join();
        }

        // The event is not disposed: a timer callback already in flight may still set it.
    }

    private void Run()
    {
        while (true)
        {
            _wake.WaitOne();
            if (_stopping)
            {
                return;
            }

            TimeSpan next = _step();
            if (_stopping)
            {
                return;
            }

            _timer.Change(next, Timeout.InfiniteTimeSpan);
            Interlocked.Increment(ref _armed);
        }
    }
}
