using System.Numerics;
using System.Text.Json.Serialization;

namespace DroneLiquid.Sensors.Imu;

/// <summary>
/// A gyro bias measured while the vehicle stood still, in the board frame (before axis remapping), rad/s.
/// Stored as JSON so that the next start can reuse it (see <see cref="GyroBiasStore"/>).
/// </summary>
public sealed record GyroBiasCalibration
{
    /// <summary>The device the bias belongs to ("mpu6050@i2c-1:0x68"); a file for another device is not reused.</summary>
    [JsonPropertyName("device")]
    public required string Device { get; init; }

    /// <summary>Mean angular rate at rest per board axis (x, y, z), rad/s; subtracted from every sample.</summary>
    [JsonPropertyName("gyro_bias_board_rad_s")]
    public required float[] GyroBiasBoardRadiansPerSecond { get; init; }

    /// <summary>Standard deviation of the angular rate per board axis during calibration, rad/s.</summary>
    [JsonPropertyName("gyro_std_dev_board_rad_s")]
    public required float[] GyroStdDevBoardRadiansPerSecond { get; init; }

    /// <summary>Number of samples averaged.</summary>
    [JsonPropertyName("samples")]
    public required int Samples { get; init; }

    /// <summary>When the calibration was taken (UTC, from the source's TimeProvider).</summary>
    [JsonPropertyName("calibrated_at_utc")]
    public required DateTimeOffset CalibratedAtUtc { get; init; }

    /// <summary>Die temperature during calibration, °C, when the chip reports one (bias drifts with temperature).</summary>
    [JsonPropertyName("temperature_celsius")]
    public float? TemperatureCelsius { get; init; }

    /// <summary>The bias as a vector, rad/s, board frame.</summary>
    [JsonIgnore]
    public Vector3 GyroBiasBoard => new(GyroBiasBoardRadiansPerSecond[0], GyroBiasBoardRadiansPerSecond[1], GyroBiasBoardRadiansPerSecond[2]);
}
