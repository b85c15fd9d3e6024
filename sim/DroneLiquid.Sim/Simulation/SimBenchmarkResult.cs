namespace DroneLiquid.Sim.Simulation;

/// <summary>What <see cref="SimBenchmark"/> measured (snake_case in JSON).</summary>
public sealed record SimBenchmarkResult(
    double SpeedUpWall,
    double SpeedUpCpu,
    double SimulatedSeconds,
    int ProcessorCount,
    IReadOnlyList<CameraFigure> Camera)
{
    /// <summary>True when physics runs at least 1000x real time and the camera at least 500 frames/s at 128x96 in every world (CPU-time figures).</summary>
    public bool MeetsTargets =>
        SpeedUpCpu >= SimBenchmark.SpeedUpTarget
        && Camera.Where(c => c.WidthPx == 128 && c.HeightPx == 96).All(c => c.FramesPerSecondCpu >= SimBenchmark.FramesPerSecondTarget128x96);
}
