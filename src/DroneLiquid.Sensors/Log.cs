using Microsoft.Extensions.Logging;

namespace DroneLiquid.Sensors;

/// <summary>The sensors assembly's log messages (source-generated, no allocation when disabled).</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "IMU {Device} started at {RateHz} Hz, board-to-body {Remap}")]
    public static partial void ImuStarted(this ILogger logger, string device, double rateHz, string remap);

    [LoggerMessage(2, LogLevel.Warning, "IMU {Device} is not present and not required: reporting Failed (NotFound). {Reason}")]
    public static partial void ImuMissing(this ILogger logger, string device, string reason);

    [LoggerMessage(3, LogLevel.Information, "IMU {Device} gyro bias {Source}: ({X:0.#####}, {Y:0.#####}, {Z:0.#####}) rad/s board frame")]
    public static partial void GyroBias(this ILogger logger, string device, string source, float x, float y, float z);

    [LoggerMessage(4, LogLevel.Error, "IMU {Device} failed {Count} reads in a row: Failed (ReadErrors). Last error: {Error}")]
    public static partial void ImuUnhealthy(this ILogger logger, string device, int count, string error);

    [LoggerMessage(5, LogLevel.Information, "IMU {Device} reads again after {Count} failures")]
    public static partial void ImuRecovered(this ILogger logger, string device, int count);

    [LoggerMessage(6, LogLevel.Warning, "Gyro calibration file {Path} belongs to {FileDevice}, not {Device}: recalibrating")]
    public static partial void CalibrationForOtherDevice(this ILogger logger, string path, string fileDevice, string device);

    [LoggerMessage(7, LogLevel.Information, "Camera {Device} capturing {Width}x{Height} {Format}")]
    public static partial void CameraStarted(this ILogger logger, string device, int width, int height, string format);

    [LoggerMessage(8, LogLevel.Error, "Camera {Device} capture stopped: {Error}")]
    public static partial void CameraFailed(this ILogger logger, string device, string error);

    [LoggerMessage(9, LogLevel.Information, "IMU {Device} listening to system {SystemId} component {ComponentId} (TIMESYNC {Timesync})")]
    public static partial void MavlinkImuStarted(this ILogger logger, string device, byte systemId, byte componentId, bool timesync);

    [LoggerMessage(10, LogLevel.Warning, "IMU {Device}: autopilot time went back to {ToSeconds:0.000} s since boot: reboot, clock mapping reset")]
    public static partial void AutopilotRebooted(this ILogger logger, string device, double toSeconds);

    [LoggerMessage(11, LogLevel.Error, "IMU {Device}: {Count} {Message} messages in a row with NaN or infinite values: Failed (ReadErrors)")]
    public static partial void MavlinkImuBadValues(this ILogger logger, string device, int count, string message);
}
