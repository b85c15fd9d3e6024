using Microsoft.Extensions.Logging;

namespace DroneLiquid.Mavlink.Connection;

/// <summary>
/// Source-generated log messages of the link layer (transports, connection, microservices, tlog).
/// Event ids 1000-1099 so they never collide with the codec's own.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "{Transport}: connected (connection {Epoch})")]
    public static partial void TransportConnected(this ILogger logger, string transport, long epoch);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "{Transport}: link lost: {Reason}")]
    public static partial void TransportLost(this ILogger logger, string transport, string reason);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug, Message = "{Transport}: connect attempt {Attempt} failed ({Reason}); next try in {DelayMilliseconds} ms")]
    public static partial void TransportConnectFailed(this ILogger logger, string transport, int attempt, string reason, long delayMilliseconds);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "{Transport}: peer is {Peer}")]
    public static partial void UdpPeerLearned(this ILogger logger, string transport, string peer);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Debug, Message = "{Transport}: send failed: {Reason}")]
    public static partial void TransportSendFailed(this ILogger logger, string transport, string reason);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Warning, Message = "{Transport}: {Verdict} frame from {SystemId}/{ComponentId} msgid {MessageId} ({Suppressed} more since the last report)")]
    public static partial void BadFrame(this ILogger logger, string transport, string verdict, int systemId, int componentId, uint messageId, long suppressed);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Error, Message = "{Transport}: receive loop error, continuing ({Suppressed} more since the last report)")]
    public static partial void ReceiveLoopError(this ILogger logger, Exception exception, string transport, long suppressed);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Error, Message = "Handler for msgid {MessageId} threw; the receive loop goes on ({Suppressed} more since the last report)")]
    public static partial void HandlerFailed(this ILogger logger, Exception exception, uint messageId, long suppressed);

    [LoggerMessage(EventId = 1020, Level = LogLevel.Information, Message = "Vehicle {SystemId}/{ComponentId} discovered: type {VehicleType}, autopilot {Autopilot}")]
    public static partial void VehicleDiscovered(this ILogger logger, int systemId, int componentId, int vehicleType, int autopilot);

    [LoggerMessage(EventId = 1021, Level = LogLevel.Warning, Message = "Link lost: no heartbeat from any vehicle for {SilenceSeconds:F1} s")]
    public static partial void LinkLost(this ILogger logger, double silenceSeconds);

    [LoggerMessage(EventId = 1022, Level = LogLevel.Information, Message = "Link regained")]
    public static partial void LinkRegained(this ILogger logger);

    [LoggerMessage(EventId = 1030, Level = LogLevel.Debug, Message = "Command {Command} to {TargetSystem}/{TargetComponent}: no ACK after attempt {Attempt}")]
    public static partial void CommandRetry(this ILogger logger, int command, int targetSystem, int targetComponent, int attempt);

    [LoggerMessage(EventId = 1040, Level = LogLevel.Warning, Message = "{File}: skipped {SkippedBytes} bytes of garbage at offset {Offset}")]
    public static partial void TlogResync(this ILogger logger, string file, long skippedBytes, long offset);
}
