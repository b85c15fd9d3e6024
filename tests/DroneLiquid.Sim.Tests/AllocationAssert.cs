namespace DroneLiquid.Sim.Tests;

/// <summary>
/// Asserts that a hot path allocates nothing in steady state. The runtime's tiered JIT may allocate on the
/// calling thread while it promotes methods (a one-off, not our code), so the iteration runs in windows until
/// five consecutive windows allocate nothing; a path that allocates on every call never gets there and fails.
/// </summary>
internal static class AllocationAssert
{
    public static void SteadyStateZero(Action iteration, int iterationsPerWindow = 100, int maxWindows = 60)
    {
        int zeroWindows = 0;
        long lastAllocated = -1;
        for (int window = 0; window < maxWindows && zeroWindows < 5; window++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < iterationsPerWindow; i++)
            {
                iteration();
            }

            lastAllocated = GC.GetAllocatedBytesForCurrentThread() - before;
            zeroWindows = lastAllocated == 0 ? zeroWindows + 1 : 0;
        }

        Assert.True(zeroWindows >= 5, $"still allocating {lastAllocated} bytes per {iterationsPerWindow} iterations after {maxWindows} windows");
    }
}
