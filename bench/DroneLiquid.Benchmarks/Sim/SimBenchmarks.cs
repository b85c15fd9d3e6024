using System.Numerics;
using BenchmarkDotNet.Attributes;
using DroneLiquid.Sim.Camera;
using DroneLiquid.Sim.Frames;
using DroneLiquid.Sim.Scenarios;
using DroneLiquid.Sim.Simulation;
using DroneLiquid.Sim.Worlds;

namespace DroneLiquid.Benchmarks.Sim;

/// <summary>
/// One simulated second of lockstep physics + flight controller (400 Hz, no camera) in a forest with gusty wind,
/// flown above the canopies so that the episode never ends (SimBenchmark.PhysicsScenario):
/// the speed-up over real time is 1 s divided by the mean. Run briefly on a shared machine:
/// dotnet run -c Release --project bench/DroneLiquid.Benchmarks -- --filter '*SimPhysics*' --job short
/// </summary>
[MemoryDiagnoser]
public class SimPhysicsBenchmarks
{
    private SimWorld _sim = null!;
    private int _step;

    [GlobalSetup]
    public void Setup()
    {
        _sim = new SimWorld(SimBenchmark.PhysicsScenario, new SimWorldOptions { StopOnEpisodeEnd = false });
        _sim.Step(1.0);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_sim.Status == EpisodeStatus.Crashed)
        {
            throw new InvalidOperationException($"the benchmark flight crashed ({_sim.CrashReason}); the figures do not measure flight");
        }
    }

    [Benchmark(Description = "1 simulated second (400 physics steps, 20 setpoints)")]
    public void OneSimulatedSecond()
    {
        for (int i = 0; i < 20; i++)
        {
            float angle = 0.05f * _step++;
            _sim.Controller.SetVelocityNed(new VelocityNed(MathF.Cos(angle), MathF.Sin(angle), 0f), 0f);
            _sim.Step(0.05);
        }
    }
}

/// <summary>One camera frame (RGB24 + depth) at 2 m altitude in the forest and urban worlds.</summary>
[MemoryDiagnoser]
public class SimCameraBenchmarks
{
    private ForwardCamera _camera = null!;
    private byte[] _rgb = null!;
    private float[] _depth = null!;
    private int _frame;

    [Params(WorldKind.Forest, WorldKind.Urban)]
    public WorldKind World { get; set; }

    [Params("64x48", "128x96", "256x144")]
    public string Resolution { get; set; } = "128x96";

    [GlobalSetup]
    public void Setup()
    {
        string[] size = Resolution.Split('x');
        World world = WorldFactory.Create(World, 7, 0.6f, 80f, Vector3.Zero, new Vector3(30f, 0f, -2f));
        _camera = new ForwardCamera(new CameraSpec(int.Parse(size[0]), int.Parse(size[1]), 1.5708f), world);
        _rgb = new byte[_camera.RgbLength];
        _depth = new float[_camera.DepthLength];
    }

    [Benchmark(Description = "render one frame")]
    public void Render() =>
        _camera.Render(new Vector3(0f, 0f, -2f), new EulerAngles(0f, 0f, 0.01f * _frame++).ToQuaternion(), _rgb, _depth);
}
