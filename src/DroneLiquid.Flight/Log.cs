using DroneLiquid.Flight.Failsafe;
using Microsoft.Extensions.Logging;

namespace DroneLiquid.Flight;

/// <summary>The flight assembly's log messages (source-generated, no allocation when disabled).</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Flight {From} -> {To} ({Action}): {Reason}")]
    public static partial void Transition(this ILogger logger, FlightState from, FlightState to, FailsafeAction action, string reason);

    [LoggerMessage(2, LogLevel.Information, "Flight start: policy '{Policy}' ({Kind}), target ({North}, {East}, {Down}) m NED, altitude {Altitude} m, {RateHz} Hz")]
    public static partial void Starting(this ILogger logger, string policy, string kind, float north, float east, float down, float altitude, double rateHz);

    [LoggerMessage(3, LogLevel.Error, "Flight start-up failed at {Step}: {Error}")]
    public static partial void StartFailed(this ILogger logger, string step, string error);

    [LoggerMessage(4, LogLevel.Error, "Autopilot refused {Action}: {Error}")]
    public static partial void ActionFailed(this ILogger logger, string action, string error);

    [LoggerMessage(5, LogLevel.Critical, "Control tick stalled for {StallMilliseconds} ms (or failed: {Errors} errors): supervisor commands Hold")]
    public static partial void TickStalled(this ILogger logger, double stallMilliseconds, long errors);

    [LoggerMessage(6, LogLevel.Warning, "Autopilot mode changed without us ({From} -> {To}): handing control back to the pilot")]
    public static partial void PilotTookOver(this ILogger logger, string from, string to);

    [LoggerMessage(7, LogLevel.Information, "Stop requested: {Action} then stop streaming")]
    public static partial void Stopping(this ILogger logger, string action);

    [LoggerMessage(8, LogLevel.Information, "Flight ended in {State} after {Seconds:0.0} s: {Reason}")]
    public static partial void Ended(this ILogger logger, FlightState state, double seconds, string reason);

    [LoggerMessage(9, LogLevel.Error, "Control tick threw: {Error}")]
    public static partial void TickFailed(this ILogger logger, string error);

    [LoggerMessage(10, LogLevel.Warning, "Could not write the flight info: {Error}")]
    public static partial void InfoNotWritten(this ILogger logger, string error);

    [LoggerMessage(11, LogLevel.Information, "Hold cleared: velocity control taken back, the policy flies again")]
    public static partial void Resumed(this ILogger logger);
}
