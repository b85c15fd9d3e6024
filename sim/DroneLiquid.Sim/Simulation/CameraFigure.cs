namespace DroneLiquid.Sim.Simulation;

/// <summary>Camera throughput in one world at one resolution, frames per second of wall time and of process CPU time.</summary>
public sealed record CameraFigure(string World, int WidthPx, int HeightPx, double FramesPerSecondWall, double FramesPerSecondCpu);
