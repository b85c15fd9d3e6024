using System.Runtime.InteropServices;
using Perfolizer.Horology;

namespace DroneLiquid.Benchmarks.Mavlink;

/// <summary>
/// Thread CPU time (Linux CLOCK_THREAD_CPUTIME_ID, nanoseconds), the clock the C library's reference
/// figures were taken with. On a shared machine it leaves out the time other processes hold the core,
/// which wall-clock figures include. Needs the in-process toolchain, so the measured thread is ours.
/// </summary>
public sealed partial class ThreadCpuClock : IClock
{
    private const int ClockThreadCpuTimeId = 3;

    public string Title => "Thread CPU time";

    public bool IsAvailable => OperatingSystem.IsLinux();

    public Frequency Frequency => new(1_000_000_000);

    public long GetTimestamp()
    {
        if (clock_gettime(ClockThreadCpuTimeId, out TimeSpec t) != 0)
        {
            throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
        }
        return t.Seconds * 1_000_000_000 + t.Nanoseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", SetLastError = false)]
    private static partial int clock_gettime(int clockId, out TimeSpec time);
}
