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

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "recording the flight to {Folder}")]
    public static partial void FlightRecording(this ILogger logger, string folder);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "flight ended in {State} (success {Success}): {Reason}")]
    public static partial void FlightEnded(this ILogger logger, string state, bool success, string reason);

    [LoggerMessage(EventId = 12, Level = LogLevel.Error, Message = "flight could not start: {Problem}")]
    public static partial void FlightFailedToStart(this ILogger logger, string problem);
}
