using System.Globalization;

namespace DroneLiquid.Service.Host.Systemd;

/// <summary>
/// The systemd watchdog as the service manager announces it: WATCHDOG_USEC (the unit's WatchdogSec, in µs) and
/// WATCHDOG_PID (the process meant, when set). The service pings at half the interval, as sd_watchdog_enabled(3)
/// recommends.
/// </summary>
public sealed record WatchdogSettings(TimeSpan Interval)
{
    /// <summary>How often to send WATCHDOG=1: half the interval.</summary>
    public TimeSpan PingPeriod => Interval / 2;

    /// <summary>
    /// The watchdog meant for process <paramref name="processId"/>, or null when none is: WATCHDOG_USEC unset,
    /// not a positive whole number, or WATCHDOG_PID naming another process.
    /// </summary>
    public static WatchdogSettings? FromEnvironment(Func<string, string?> environment, int processId)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!ulong.TryParse(environment("WATCHDOG_USEC"), NumberStyles.None, CultureInfo.InvariantCulture, out ulong microseconds) || microseconds == 0)
        {
            return null;
        }

        string? pid = environment("WATCHDOG_PID");
        if (!string.IsNullOrEmpty(pid) && (!int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out int target) || target != processId))
        {
            return null;
        }

        return new WatchdogSettings(TimeSpan.FromTicks((long)Math.Min(microseconds, (ulong)(TimeSpan.MaxValue.Ticks / 20)) * 10));
    }
}
