using System.Diagnostics;
using System.Numerics;
using DroneLiquid.Sim.Camera;
using DroneLiquid.Sim.Frames;
using DroneLiquid.Sim.Scenarios;
using DroneLiquid.Sim.Worlds;

namespace DroneLiquid.Sim.Simulation;

/// <summary>
/// Measures the simulator's two figures on this machine: lockstep physics + controller speed-up over real time
/// (no camera), and camera frames per second at several resolutions in the forest and urban worlds. Each figure
/// is given against wall time and against this process's CPU time, because on a shared machine the wall-clock
/// figure also measures the other tenants. Single-threaded throughout.
/// </summary>
public static class SimBenchmark
{
    public const double SpeedUpTarget = 1000;

    public const double FramesPerSecondTarget128x96 = 500;

    public static readonly IReadOnlyList<(int Width, int Height)> Resolutions = [(64, 48), (128, 96), (256, 144)];

    /// <summary>
    /// The physics figure's flight: a forest with gusty wind, flown in slow circles at 25 m, above the canopies, so
    /// that collision and clearance queries run every step but never end the episode (physics never stops).
    /// </summary>
    public static Scenario PhysicsScenario { get; } = new()
    {
        World = WorldKind.Forest, Seed = 1, Density = 0.5f, ExtentMetres = 100, TargetNed = new Vector3(90f, 90f, -20f),
        StartNed = new Vector3(0f, 0f, -25f), WindMeanNed = new Vector3(1f, 1f, 0f), GustStdMetresPerSecond = 0.5f,
        TimeLimitSeconds = 3600,
    };

    public static SimBenchmarkResult Run(TimeProvider time, double measureSeconds = 1.0)
    {
        if (!double.IsFinite(measureSeconds) || measureSeconds < 0.05 || measureSeconds > 600)
        {
            throw new ArgumentOutOfRangeException(nameof(measureSeconds), measureSeconds, "measureSeconds must be within [0.05, 600]");
        }

        (double simulated, double wall, double cpu) = MeasurePhysics(time, measureSeconds);
        var cameras = new List<CameraFigure>();
        foreach (WorldKind kind in new[] { WorldKind.Forest, WorldKind.Urban })
        {
            World world = WorldFactory.Create(kind, 7, 0.6f, 80f, Vector3.Zero, new Vector3(30f, 0f, -2f));
            foreach ((int w, int h) in Resolutions)
            {
                cameras.Add(MeasureCamera(time, world, w, h, measureSeconds));
            }
        }

        return new SimBenchmarkResult(
            Math.Round(simulated / wall, 1), Math.Round(simulated / cpu, 1), Math.Round(simulated, 1), Environment.ProcessorCount, cameras);
    }

    private static (double Simulated, double Wall, double Cpu) MeasurePhysics(TimeProvider time, double measureSeconds)
    {
        var sim = new SimWorld(PhysicsScenario, new SimWorldOptions { StopOnEpisodeEnd = false });
        sim.Step(2.0); // warm up (and JIT)
        long start = time.GetTimestamp();
        TimeSpan cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        double simulatedStart = sim.ElapsedSeconds;
        int i = 0;
        while (time.GetElapsedTime(start).TotalSeconds < measureSeconds)
        {
            // A 20 Hz setpoint stream that keeps the vehicle manoeuvring (a slow circle).
            float angle = 0.05f * i++;
            sim.Controller.SetVelocityNed(new VelocityNed(MathF.Cos(angle), MathF.Sin(angle), 0f), 0f);
            sim.Step(0.05);
        }

        double wall = time.GetElapsedTime(start).TotalSeconds;
        double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalSeconds;
        if (sim.Status == EpisodeStatus.Crashed)
        {
            throw new InvalidOperationException($"the benchmark flight crashed ({sim.CrashReason}); its figure would not measure flight");
        }

        return (sim.ElapsedSeconds - simulatedStart, wall, Math.Max(cpu, 1e-6));
    }

    private static CameraFigure MeasureCamera(TimeProvider time, World world, int width, int height, double measureSeconds)
    {
        var camera = new ForwardCamera(new CameraSpec(width, height, 1.5708f), world);
        var rgb = new byte[camera.RgbLength];
        var depth = new float[camera.DepthLength];
        var position = new Vector3(0f, 0f, -2f);
        for (int k = 0; k < 20; k++)
        {
            camera.Render(position, Quaternion.Identity, rgb, depth);
        }

        long start = time.GetTimestamp();
        TimeSpan cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        int frames = 0;
        while (time.GetElapsedTime(start).TotalSeconds < measureSeconds)
        {
            // Turn slowly so that consecutive frames differ.
            Quaternion attitude = new EulerAngles(0f, 0f, 0.01f * frames).ToQuaternion();
            camera.Render(position, attitude, rgb, depth);
            frames++;
        }

        double wall = time.GetElapsedTime(start).TotalSeconds;
        double cpu = Math.Max((Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalSeconds, 1e-6);
        return new CameraFigure(world.Kind.ToString().ToLowerInvariant(), width, height, Math.Round(frames / wall, 1), Math.Round(frames / cpu, 1));
    }
}
