using BenchmarkDotNet.Attributes;
using DroneLiquid.Flight.Envelope;
using DroneLiquid.Flight.Failsafe;
using DroneLiquid.Flight.Frames;
using DroneLiquid.Flight.Recorder;

namespace DroneLiquid.Benchmarks.Flight;

/// <summary>
/// The flight core's per-tick cost: the safety envelope (an intervening command near the fence), the failsafe
/// update in steady PolicyControl, and the recorder's enqueue of one tick (16 observations, 4 outputs).
/// </summary>
[MemoryDiagnoser]
public class FlightTickBenchmarks
{
    private readonly float[] _observation = new float[16];
    private readonly float[] _outputs = new float[4];
    private SafetyEnvelope _envelope = null!;
    private FailsafeStateMachine _failsafe = null!;
    private FlightRecorder _recorder = null!;
    private string _root = "";
    private FlightFlags _flags;
    private VehicleState _state;
    private TimeSpan _now;
    private long _tick;

    [GlobalSetup]
    public void Setup()
    {
        _envelope = new SafetyEnvelope(new EnvelopeOptions());
        _state = new VehicleState(new PositionNed(99, 3, -10), new VelocityNed(2, 0, 0), 0.4f, 5f);
        _failsafe = new FailsafeStateMachine(new FailsafeOptions { MissionTimeLimit = TimeSpan.FromHours(24) });
        _flags = new FlightFlags { StartRequested = true, Armed = true, SensorsFresh = true, TakeoffAltitudeReached = true };
        for (int i = 0; i < 5; i++)
        {
            _now += TimeSpan.FromMilliseconds(20);
            _failsafe.Update(_now, _flags);
        }

        _root = Path.Combine(Path.GetTempPath(), "droneliquid-bench-" + Guid.NewGuid().ToString("N"));
        var names = Enumerable.Range(0, _observation.Length).Select(i => $"o{i}").ToArray();
        _recorder = new FlightRecorder(new FlightRecorderOptions { Directory = _root, RingCapacity = 1 << 20 }, new TickLogLayout(names, ["f", "r", "d", "y"]));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _recorder.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    [Benchmark(Description = "Envelope: body command near the fence (speed, accel, fence)")]
    public float Envelope() => _envelope.Apply(PolicyCommand.BodyFrd(8f, 1f, -0.5f, 2f), _state, 0.02f).VelocityNed.NorthMetresPerSecond;

    [Benchmark(Description = "Failsafe: Update in PolicyControl")]
    public FlightState Failsafe()
    {
        _now += TimeSpan.FromMilliseconds(20);
        return _failsafe.Update(_now, _flags).State;
    }

    [Benchmark(Description = "Recorder: enqueue one tick (16 obs, 4 outputs)")]
    public bool Enqueue()
    {
        _tick++;
        var sample = new TickSample(_tick * 20_000, 0.02f, new VelocityNed(1, 2, 0), 0.1f, EnvelopeInterventions.GeofenceOutward, FlightState.PolicyControl, FailsafeAction.None);
        return _recorder.EnqueueTick(sample, _observation, _outputs);
    }
}
