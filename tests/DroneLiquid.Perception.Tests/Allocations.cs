namespace DroneLiquid.Perception.Tests;

/// <summary>Bytes the current thread allocates over many calls of an action, after a warm-up.</summary>
internal static class Allocations
{
    public static long PerCalls(Action action, int calls = 2000)
    {
        for (int i = 0; i < 200; i++) action();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < calls; i++) action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
