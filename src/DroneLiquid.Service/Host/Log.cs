using Microsoft.Extensions.Logging;

namespace DroneLiquid.Service.Host;

/// <summary>The flight service's log messages (source-generated).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "systemd watchdog: interval {IntervalSeconds} s, pinging every {PeriodSeconds} s while healthy")]
    public static partial void WatchdogStarted(this ILogger logger, double intervalSeconds, double periodSeconds);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "systemd watchdog: withholding WATCHDOG=1 because {Reason}")]
    public static partial void WatchdogWithheld(this ILogger logger, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "systemd watchdog: healthy again, pinging")]
    public static partial void WatchdogResumed(this ILogger logger);
}
