using DroneLiquid.Flight.Control;
using DroneLiquid.Flight.Envelope;
using DroneLiquid.Flight.Failsafe;
using DroneLiquid.Flight.Frames;
using DroneLiquid.Flight.Policies;
using DroneLiquid.Flight.Recorder;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DroneLiquid.Flight.Tests.Fakes;

/// <summary>
/// A whole flight session on a FakeTimeProvider with a <see cref="FakeAutopilot"/>: the test advances the clock
/// one tick period at a time and waits for the tick thread to finish that tick, so scenarios are scripted in
/// time like PX4's failsafe tests. The run is cancelled and awaited on dispose.
/// </summary>
internal sealed class FakeSessionRig : IAsyncDisposable
{
    public static readonly FlightPlan FarPlan = new(new PositionNed(60, 0, -5), 5, 2, TimeSpan.FromSeconds(120));

    /// <summary>
    /// Pool threads the rig's tests keep blocked for whole tests: vstest's message loop and the xunit adapter's
    /// wait for the assembly each hold one, and every running test holds the one it spins on in <see cref="Tick"/>
    /// (xunit runs up to one test per core).
    /// </summary>
    public static readonly int BlockedPoolThreads = 2 + Environment.ProcessorCount;

    private readonly CancellationTokenSource _stop = new();
    private Task<FlightOutcome>? _run;

    /// <summary>
    /// The session's reactions (Hold, Land, velocity control back) run on the thread pool. At the pool's default
    /// minimum of one thread per core the blocked threads above take every slot, and each reaction waits for the
    /// pool's starvation injection (one thread per 0.5 s or so) while the test ticks the fake clock on: a Hold took
    /// 30 to 60+ ticks instead of 0. Room for them, with a few to spare, keeps a tick budget a statement about the
    /// session, not about the test host.
    /// </summary>
    static FakeSessionRig()
    {
        ThreadPool.GetMinThreads(out int workers, out int completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, BlockedPoolThreads + 6), completionPorts);
    }

    public FakeSessionRig(
        FlightPlan? plan = null, ControlOptions? control = null, FailsafeOptions? failsafe = null, string? policy = null,
        bool record = false, bool vision = false, EnvelopeOptions? envelope = null)
    {
        Control = control ?? new ControlOptions();
        Envelope = envelope ?? new EnvelopeOptions();
        Autopilot = new FakeAutopilot(Time);
        Camera = vision ? new FakeCamera(Time) : null;
        Policy = FlightPolicy.Open(policy ?? (vision ? FakePolicyFolders.Vision : FakePolicyFolders.State));
        if (record)
        {
            RecordRoot = FakePolicyFolders.NewDirectory("records");
            Recorder = new FlightRecorder(new FlightRecorderOptions { Directory = RecordRoot, RingCapacity = 1 << 16 }, FlightTickLog.LayoutFor(Policy), Time);
        }

        Session = new FlightSession(Autopilot, Policy, Camera, plan ?? FarPlan, Control, Envelope, failsafe ?? new FailsafeOptions { HoldTimeout = TimeSpan.FromSeconds(2) }, Recorder, Metrics, Time, NullLogger<FlightSession>.Instance);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    public FakeAutopilot Autopilot { get; }

    public FlightPolicy Policy { get; }

    /// <summary>The camera of a vision rig (published on every <see cref="Tick"/>), else null.</summary>
    public FakeCamera? Camera { get; }

    public FlightSession Session { get; }

    public FlightMetrics Metrics { get; } = new();

    public ControlOptions Control { get; }

    public EnvelopeOptions Envelope { get; }

    public FlightRecorder? Recorder { get; }

    public string? RecordRoot { get; }

    public Task<FlightOutcome> Run => _run ?? throw new InvalidOperationException("not started");

    public void Start() => _run = Session.RunAsync(_stop.Token);

    public void Cancel() => _stop.Cancel();

    /// <summary>Advances <paramref name="count"/> periods, each time waiting (real time) for that tick to complete.</summary>
    public void Tick(int count = 1)
    {
        for (int i = 0; i < count && !Run.IsCompleted; i++)
        {
            long before = Session.TicksCompleted;
            Camera?.Publish((int)before);
            Time.Advance(Control.Period);
            SpinWait.SpinUntil(() => Session.TicksCompleted > before || Run.IsCompleted, TimeSpan.FromSeconds(10));
        }
    }

    /// <summary>Ticks until <paramref name="condition"/> holds; fails after <paramref name="maxTicks"/>.</summary>
    public void TickUntil(Func<bool> condition, int maxTicks = 1000, string? what = null)
    {
        for (int i = 0; i < maxTicks; i++)
        {
            // Session reactions (Hold, Land, progress) run on the thread pool after the tick: give them a moment of
            // real time, or a loaded machine lets the fake clock run ahead of them.
            if (SpinWait.SpinUntil(condition, TimeSpan.FromMilliseconds(i % 10 == 0 ? 50 : 2)))
            {
                return;
            }

            Tick();
        }

        Assert.Fail($"not reached within {maxTicks} ticks: {what ?? "condition"} (state {Session.State})");
    }

    /// <summary>Start, arm, take off, velocity control: ends in PolicyControl.</summary>
    public void FlyToPolicyControl()
    {
        Start();
        // Generous: the preflight dialogue runs on the thread pool, which a loaded CI machine can starve for a while.
        TickUntil(() => Session.State == FlightState.PolicyControl, 2000, "PolicyControl");
    }

    /// <summary>Ticks until the run ends and returns its outcome.</summary>
    public FlightOutcome Finish(int maxTicks = 2000)
    {
        TickUntil(() => Run.IsCompleted, maxTicks, "end of the run");
        return Run.GetAwaiter().GetResult();
    }

    /// <summary>Every setpoint the autopilot received stays inside the envelope's speed limits.</summary>
    public void AssertSetpointsInsideEnvelope()
    {
        foreach (var s in Autopilot.Setpoints())
        {
            Assert.True(MathF.Sqrt((s.X * s.X) + (s.Y * s.Y)) <= Envelope.MaxHorizontalSpeedMetresPerSecond + 1e-4f, $"horizontal {s}");
            Assert.InRange(s.Z, -Envelope.MaxSpeedUpMetresPerSecond - 1e-4f, Envelope.MaxSpeedDownMetresPerSecond + 1e-4f);
            Assert.InRange(s.YawRateRadiansPerSecond, -Envelope.MaxYawRateRadiansPerSecond - 1e-4f, Envelope.MaxYawRateRadiansPerSecond + 1e-4f);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        if (_run is not null)
        {
            for (int i = 0; i < 500 && !_run.IsCompleted; i++)
            {
                Time.Advance(Control.Period);
                await Task.WhenAny(_run, Task.Delay(5));
            }
        }

        await Session.DisposeAsync();
        Recorder?.Dispose();
        Policy.Dispose();
        Metrics.Dispose();
        _stop.Dispose();
    }
}
