using System.Diagnostics;
using DroneLiquid.Flight.Control;
using DroneLiquid.Flight.Envelope;
using DroneLiquid.Flight.Failsafe;
using DroneLiquid.Flight.Frames;
using DroneLiquid.Flight.Policies;
using DroneLiquid.Sensors;
using DroneLiquid.Sensors.Camera;
using Microsoft.Extensions.Logging.Abstractions;

namespace DroneLiquid.Service.Cli.Bench;

/// <summary>
/// Runs the real control tick on its real paced thread (<see cref="TickLoop"/>, system clock, 50 Hz) against a
/// <see cref="LoopbackAutopilot"/> whose setpoints leave through a MAVLink connection and a UDP socket, and a
/// still camera for a vision policy; then a simulated hour of ticks on a stepped clock for memory growth.
/// </summary>
internal static class TickBench
{
    private static readonly FlightPlan Plan = new(new PositionNed(60, 0, -5), 5, 2, TimeSpan.FromHours(2));

    public static async Task<TickBenchFigures> MeasureAsync(string policyDirectory, bool untrained, TimeSpan duration)
    {
        using var policy = FlightPolicy.Open(policyDirectory);
        await using var autopilot = await LoopbackAutopilot.OverUdpAsync(TimeProvider.System);
        using var camera = policy.Perception is { } spec ? new StillCamera(spec.Width * 5, spec.Height * 5) : null;
        using var metrics = new FlightMetrics();
        var control = new ControlOptions();
        var tick = new ControlTick(autopilot, policy, camera, Plan, control, new EnvelopeOptions { GeofenceRadiusMetres = 1000 },
            new FailsafeOptions { MissionTimeLimit = TimeSpan.FromHours(2) }, null, metrics, TimeProvider.System, static _ => { });
        tick.MarkVelocityControlStarted();
        using var loop = new TickLoop(tick, control.Period, null, TimeProvider.System, NullLogger.Instance);
        int expected = (int)(duration.TotalSeconds * control.RateHz);
        loop.Start();

        // Warm up (JIT, ONNX Runtime's first runs, caches) for a second, then record.
        await Task.Delay(TimeSpan.FromSeconds(1));
        long missesBefore = tick.DeadlineMisses;
        autopilot.StartRecording(expected + 100);
        await Task.Delay(duration);
        loop.Stop(TimeSpan.FromSeconds(2));
        var (latencies, sendTimes) = autopilot.Recorded;
        if (tick.Decision.State != FlightState.PolicyControl || latencies.Length < 2)
        {
            throw new InvalidOperationException($"the bench tick left policy control ({tick.Decision.State}, {latencies.Length} setpoints): its figures would mean nothing");
        }

        double toMicros = 1e6 / Stopwatch.Frequency;
        var micros = latencies.Select(l => l * toMicros).Order().ToArray();
        double period = control.Period.TotalMilliseconds;
        var jitter = sendTimes.Zip(sendTimes.Skip(1), (a, b) => Math.Abs(((b - a) * 1000.0 / Stopwatch.Frequency) - period)).Order().ToArray();
        return new TickBenchFigures(
            policy.Document.Name,
            policy.IsVision ? "vision" : "state",
            policy.Perception is { } p ? $"{p.Width}x{p.Height}" : null,
            untrained,
            latencies.Length,
            Percentile(micros, 0.50),
            Percentile(micros, 0.99),
            micros[^1],
            policy.IsVision ? 5000 : 200,
            Percentile(jitter, 0.99),
            jitter[^1],
            tick.DeadlineMisses - missesBefore,
            autopilot.DatagramsReceived);
    }

    /// <summary>One simulated hour at 50 Hz (180,000 ticks) on a stepped clock, the tick on this thread.</summary>
    public static SoakFigures Soak(string policyDirectory, TimeSpan simulated)
    {
        using var policy = FlightPolicy.Open(policyDirectory);
        var clock = new SteppedClock();
        var autopilot = LoopbackAutopilot.Counting(clock);
        using var camera = policy.Perception is { } spec ? new StillCamera(spec.Width, spec.Height, clock) : null;
        using var metrics = new FlightMetrics();
        var control = new ControlOptions();
        var tick = new ControlTick(autopilot, policy, camera, Plan, control, new EnvelopeOptions { GeofenceRadiusMetres = 1000 },
            new FailsafeOptions { MissionTimeLimit = TimeSpan.FromHours(24) }, null, metrics, clock, static _ => { });
        tick.MarkVelocityControlStarted();
        long ticks = (long)(simulated.TotalSeconds * control.RateHz);
        // Warm up long enough for tiered JIT to settle: its promotions allocate on the calling thread.
        for (int i = 0; i < 20_000; i++)
        {
            Step(tick, clock, control.Period, camera);
        }

        long heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var wall = Stopwatch.StartNew();
        for (long i = 0; i < ticks; i++)
        {
            Step(tick, clock, control.Period, camera);
        }

        wall.Stop();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        long heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        if (tick.Decision.State != FlightState.PolicyControl)
        {
            throw new InvalidOperationException($"the soak left policy control ({tick.Decision.State})");
        }

        return new SoakFigures(policy.Document.Name, simulated.TotalSeconds, ticks, allocated, heapBefore, heapAfter, wall.Elapsed.TotalSeconds);
    }

    private static void Step(ControlTick tick, SteppedClock clock, TimeSpan period, StillCamera? camera)
    {
        clock.Advance(period);
        camera?.Publish();
        tick.Run(clock.GetTimestamp());
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    /// <summary>A YUYV camera that republishes one fixed frame (so the tick converts a full-size frame each time).</summary>
    private sealed class StillCamera : ICameraSource
    {
        private readonly CameraFrameChannel _channel;
        private readonly byte[] _frame;
        private readonly Timer? _timer;

        public StillCamera(int width, int height, TimeProvider? stepped = null)
        {
            (Width, Height) = (width + (width % 2), height);
            _frame = new byte[Width * Height * 2];
            new Random(7).NextBytes(_frame);
            _channel = new CameraFrameChannel(_frame.Length, stepped ?? TimeProvider.System, TimeSpan.FromSeconds(0.5));

            // Real time: a 30 Hz producer thread, as a V4L2 capture would be.
            _timer = stepped is null ? new Timer(_ => Publish(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(33)) : null;
        }

        public string Name => $"still {Width}x{Height} yuyv";

        public int Width { get; }

        public int Height { get; }

        public FramePixelFormat Format => FramePixelFormat.Yuyv;

        public CameraCounters Counters => _channel.Counters;

        public void Publish() => _channel.Publish(_frame, Width, Height, FramePixelFormat.Yuyv);

        public void Start()
        {
        }

        public void Stop() => _channel.SetFaults(SensorFaults.Stopped, true);

        public CameraReading AcquireLatest() => _channel.AcquireLatest();

        public void Dispose() => _timer?.Dispose();
    }
}
