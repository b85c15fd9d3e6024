using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using DroneLiquid.Benchmarks.Mavlink;

namespace DroneLiquid.Benchmarks.FirmwareBridge;

/// <summary>
/// ShortRun in-process (the suite's setup holds a live MAVLink dialogue, and the generated out-of-process project does
/// not build on this machine), timed by the wall clock and by this thread's CPU time, which stays comparable while
/// other processes share the cores.
/// </summary>
public sealed class InProcessShortRunConfig : ManualConfig
{
    public InProcessShortRunConfig()
    {
        Job shortRun = Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance);
        AddJob(shortRun.WithId("WallClock"));
        if (OperatingSystem.IsLinux())
        {
            AddJob(shortRun.WithClock(new ThreadCpuClock()).WithId("ThreadCpu"));
        }

        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
