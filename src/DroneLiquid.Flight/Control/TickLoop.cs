using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace DroneLiquid.Flight.Control;

/// <summary>
/// Drives <see cref="ControlTick.Run"/> on one dedicated AboveNormal thread, at the configured rate or on each new
/// camera frame (falling back to two periods without one, so staleness is still seen). With the system clock it
/// sleeps most of the period and spins the last <see cref="SpinWindow"/> on the high-resolution clock for low
/// jitter; with any other <see cref="TimeProvider"/> (a fake or sped-up simulation clock) the provider's timer
/// wakes the thread, so the tick follows that clock. A tick's deadline is one period after it was due.
/// <para>States: created → running (<see cref="Start"/>) → stopped (<see cref="Stop"/>; a tick stuck in a call is
/// abandoned to its background thread rather than joined forever).</para>
/// </summary>
internal sealed class TickLoop : IDisposable
{
    /// <summary>The last part of each period spent spinning rather than sleeping (system clock only).</summary>
    public static readonly TimeSpan SpinWindow = TimeSpan.FromMilliseconds(1);

    private readonly ControlTick _tick;
    private readonly Func<long>? _framesPublished;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly long _periodTicks;
    private readonly bool _systemClock;
    private readonly SemaphoreSlim _wake = new(0);
    private readonly Thread _thread;
    private ITimer? _timer;
    private long _due;
    private long _lastFrames;
    private long _lastTickStart;
    private long _tickStartedAt;
    private long _lastActivity;
    private long _completed;
    private long _errors;
    private volatile bool _stop;

    /// <param name="framesPublished">In camera mode, the camera's published-frame count; null to tick at the rate.</param>
    public TickLoop(ControlTick tick, TimeSpan period, Func<long>? framesPublished, TimeProvider time, ILogger logger)
    {
        _tick = tick;
        _framesPublished = framesPublished;
        _time = time;
        _logger = logger;
        _periodTicks = Math.Max(1, (long)(period.TotalSeconds * time.TimestampFrequency));
        _systemClock = ReferenceEquals(time, TimeProvider.System);
        _thread = new Thread(ThreadMain) { IsBackground = true, Name = "DroneLiquid control tick", Priority = ThreadPriority.AboveNormal };
    }

    /// <summary>Timestamp at which the running tick began, 0 when no tick is running.</summary>
    public long TickInProgressSince => Interlocked.Read(ref _tickStartedAt);

    /// <summary>Timestamp of the last tick start or end (the loop's sign of life).</summary>
    public long LastActivity => Interlocked.Read(ref _lastActivity);

    public long Completed => Interlocked.Read(ref _completed);

    /// <summary>Ticks that threw (a bug, never expected): the supervisor stops the vehicle on the first.</summary>
    public long Errors => Interlocked.Read(ref _errors);

    public bool Running { get; private set; }

    public void Start()
    {
        _lastActivity = _time.GetTimestamp();
        _lastFrames = _framesPublished?.Invoke() ?? 0;
        Running = true;
        _thread.Start();
        if (!_systemClock)
        {
            var interval = TimeSpan.FromSeconds((double)_periodTicks / _time.TimestampFrequency / (_framesPublished is null ? 1 : 4));
            _timer = _time.CreateTimer(static s => ((TickLoop)s!).OnTimer(), this, interval, interval);
        }
    }

    /// <summary>Stops ticking; waits up to <paramref name="wait"/> for a running tick to finish.</summary>
    public void Stop(TimeSpan wait)
    {
        if (!Running)
        {
            return;
        }

        _stop = true;
        _timer?.Dispose();
        _wake.Release();
        if (Thread.CurrentThread != _thread)
        {
            _thread.Join(wait);
        }

        Running = false;
    }

    public void Dispose() => Stop(TimeSpan.FromSeconds(1));

    private void OnTimer()
    {
        long now = _time.GetTimestamp();
        if (!Due(now))
        {
            return;
        }

        Interlocked.Exchange(ref _due, now);
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    /// <summary>Camera mode: a new frame, or two periods without one. Rate mode: always (the timer keeps the rate).</summary>
    private bool Due(long now)
    {
        if (_framesPublished is null)
        {
            return true;
        }

        long frames = _framesPublished();
        if (frames != _lastFrames)
        {
            _lastFrames = frames;
            return true;
        }

        return now - Interlocked.Read(ref _lastTickStart) >= 2 * _periodTicks;
    }

    private void ThreadMain()
    {
        long next = _time.GetTimestamp() + _periodTicks;
        while (!_stop)
        {
            long due;
            if (_systemClock)
            {
                due = _framesPublished is null ? WaitUntil(next) : WaitForFrame();
                next += _periodTicks;
                long now = _time.GetTimestamp();
                if (now >= next)
                {
                    // Late by more than a period: keep the phase, skip the slots already gone.
                    next += ((now - next) / _periodTicks + 1) * _periodTicks;
                }
            }
            else
            {
                _wake.Wait();
                due = Interlocked.Read(ref _due);
            }

            if (!_stop)
            {
                RunOne(due);
            }
        }
    }

    private long WaitUntil(long target)
    {
        long remaining = target - Stopwatch.GetTimestamp();
        long spin = (long)(SpinWindow.TotalSeconds * Stopwatch.Frequency);
        if (remaining > spin)
        {
            Thread.Sleep(TimeSpan.FromSeconds((double)(remaining - spin) / Stopwatch.Frequency));
        }

        while (Stopwatch.GetTimestamp() < target && !_stop)
        {
            Thread.SpinWait(20);
        }

        return target;
    }

    private long WaitForFrame()
    {
        while (!_stop)
        {
            long now = Stopwatch.GetTimestamp();
            if (Due(now))
            {
                return now;
            }

            Thread.Sleep(TimeSpan.FromMilliseconds(0.5));
        }

        return Stopwatch.GetTimestamp();
    }

    private void RunOne(long due)
    {
        long start = _time.GetTimestamp();
        Interlocked.Exchange(ref _lastTickStart, start);
        Interlocked.Exchange(ref _lastActivity, start);
        Interlocked.Exchange(ref _tickStartedAt, start);
        try
        {
            _tick.Run(due);
        }
        catch (Exception ex)
        {
            // Never expected; the loop goes on so the supervisor and the failsafe still see ticks, and the
            // supervisor stops the vehicle on the first error.
            Interlocked.Increment(ref _errors);
            _logger.TickFailed(ex.ToString());
        }
        finally
        {
            Interlocked.Exchange(ref _tickStartedAt, 0);
            Interlocked.Exchange(ref _lastActivity, _time.GetTimestamp());
            Interlocked.Increment(ref _completed);
        }
    }
}
