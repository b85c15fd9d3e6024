using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace DroneLiquid.Benchmarks.Mavlink;

/// <summary>
/// Two short jobs, both in-process: wall clock (BenchmarkDotNet's default) and thread CPU time (comparable
/// with the C library's published figures, and stable while other processes share the cores).
/// </summary>
public sealed class ThreadCpuTimeConfig : ManualConfig
{
    public ThreadCpuTimeConfig()
    {
        Job shortRun = Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance);
        AddJob(shortRun.WithId("WallClock"));
        if (OperatingSystem.IsLinux())
        {
            AddJob(shortRun.WithClock(new ThreadCpuClock()).WithId("ThreadCpu"));
        }
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(new ThroughputColumn(megabytes: false), new ThroughputColumn(megabytes: true));
    }
}
