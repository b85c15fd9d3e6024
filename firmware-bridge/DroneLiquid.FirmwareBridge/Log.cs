using Microsoft.Extensions.Logging;

namespace DroneLiquid.FirmwareBridge;

/// <summary>Source-generated log messages of the firmware bridge. Event ids 1200-1299.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "{Firmware} autopilot: system {SystemId} component {ComponentId}, mode {Mode}")]
    public static partial void Connected(this ILogger logger, FirmwareKind firmware, int systemId, int componentId, string mode);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Mode {From} -> {To} (ours: {ByUs})")]
    public static partial void ModeChanged(this ILogger logger, string from, string to, bool byUs);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Velocity control ended by the autopilot or the pilot: mode {Mode}")]
    public static partial void ControlTaken(this ILogger logger, string mode);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Information, Message = "Autopilot notice ({Source}, {Severity}): {Text}")]
    public static partial void Notice(this ILogger logger, NoticeSource source, string severity, string text);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Information, Message = "{Step}")]
    public static partial void Step(this ILogger logger, string step);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Warning, Message = "Telemetry stream {MessageId} at {RateHz} Hz refused ({Result}); {Fallback}")]
    public static partial void StreamRefused(this ILogger logger, uint messageId, double rateHz, string result, string fallback);

    [LoggerMessage(EventId = 1206, Level = LogLevel.Error, Message = "A {Event} handler threw; the adapter goes on")]
    public static partial void HandlerFailed(this ILogger logger, Exception exception, string @event);

    [LoggerMessage(EventId = 1207, Level = LogLevel.Warning, Message = "Disposed while in velocity control: the autopilot's own setpoint-loss handling takes over")]
    public static partial void DisposedInControl(this ILogger logger);
}
