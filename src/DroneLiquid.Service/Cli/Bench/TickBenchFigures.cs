namespace DroneLiquid.Service.Cli.Bench;

/// <summary>One policy's tick figures: latency from the telemetry sample to the setpoint's send returning, and the 50 Hz stream's jitter.</summary>
internal sealed record TickBenchFigures(
    string Policy,
    string Kind,
    string? Image,
    bool Untrained,
    long Ticks,
    double LatencyP50Microseconds,
    double LatencyP99Microseconds,
    double LatencyMaxMicroseconds,
    double TargetP99Microseconds,
    double JitterP99Milliseconds,
    double JitterMaxMilliseconds,
    long DeadlineMisses,
    long DatagramsReceived);

/// <summary>The simulated hour: ticks run back to back on a stepped clock; allocation and heap before and after.</summary>
internal sealed record SoakFigures(
    string Policy,
    double SimulatedSeconds,
    long Ticks,
    long TickThreadAllocatedBytes,
    long HeapBeforeBytes,
    long HeapAfterBytes,
    double WallSeconds)
{
    public long HeapGrowthBytes => HeapAfterBytes - HeapBeforeBytes;
}
