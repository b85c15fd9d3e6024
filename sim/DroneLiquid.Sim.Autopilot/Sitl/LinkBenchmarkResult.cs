namespace DroneLiquid.Sim.Autopilot.Sitl;

/// <summary>Physics + autopilot speed-up with MAVLink in the loop (the emulator streaming to, and flying setpoints from, a loopback client).</summary>
public sealed record LinkBenchmarkResult(
    string Autopilot,
    double SimSeconds,
    double WallSeconds,
    double SpeedUpWall,
    double ProcessCpuSeconds,
    long FramesSent,
    long FramesReceivedByClient,
    long SetpointsAccepted,
    int ProcessorCount);
