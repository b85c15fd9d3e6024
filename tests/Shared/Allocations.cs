namespace DroneLiquid.Tests.Shared;

/// <summary>
/// Whether a hot path allocates, read from <see cref="GC.GetAllocatedBytesForCurrentThread"/> over windows of many
/// calls. The counter sometimes moves over a window in which our code allocates nothing: CI saw 6,760, 6,824 and
/// 8,072 bytes over three different loops, each of which passes alone and under load (tiered compilation is off in
/// the tests, and a collection started by another thread did not move it in 20,000 probed windows, so the cause is
/// the runtime's and not known). An allocating path allocates in every window, so the least over a few windows still
/// shows it; the failure message lists every window.
/// </summary>
internal static class Allocations
{
    /// <summary>Windows tried before a path counts as allocating.</summary>
    public const int Attempts = 4;

    /// <summary>Asserts that some run of <paramref name="window"/> allocated nothing, naming every window's bytes if none did.</summary>
    public static void AssertNone(Action window, int attempts = Attempts)
    {
        (long least, string windows) = Measure(window, attempts);
        Assert.True(least == 0, $"allocated in every window: {windows}");
    }

    /// <summary>
    /// Asserts that <paramref name="call"/> allocates nothing once warm: <paramref name="warmUp"/> calls, then
    /// windows of <paramref name="calls"/> calls as <see cref="AssertNone"/>.
    /// </summary>
    public static void AssertNonePerCall(Action call, int calls = 2000, int warmUp = 200)
    {
        for (int i = 0; i < warmUp; i++)
        {
            call();
        }

        AssertNone(() =>
        {
            for (int i = 0; i < calls; i++)
            {
                call();
            }
        });
    }

    private static (long Least, string Windows) Measure(Action window, int attempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        long least = long.MaxValue;
        var windows = new List<string>(attempts);
        for (int a = 0; a < attempts && least > 0; a++)
        {
            int collections = GC.CollectionCount(0);
            long before = GC.GetAllocatedBytesForCurrentThread();
            window();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            least = Math.Min(least, allocated);
            windows.Add($"{allocated} B{(GC.CollectionCount(0) != collections ? " (a collection ran)" : "")}");
        }

        return (least, string.Join(", ", windows));
    }
}
