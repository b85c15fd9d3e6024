using System.Text.Json;

namespace DroneLiquid.Sensors.Imu;

/// <summary>Reads and writes <see cref="GyroBiasCalibration"/> JSON files; errors name the file and the field.</summary>
public static class GyroBiasStore
{
    private static readonly JsonSerializerOptions s_options = new() { WriteIndented = true };

    /// <summary>
    /// Loads the calibration at <paramref name="path"/>. Returns false with no error when the file does not exist;
    /// throws <see cref="InvalidDataException"/> naming the file when it exists but is unusable.
    /// </summary>
    public static bool TryLoad(string path, out GyroBiasCalibration? calibration)
    {
        calibration = null;
        if (!File.Exists(path))
        {
            return false;
        }

        try
        {
            calibration = JsonSerializer.Deserialize<GyroBiasCalibration>(File.ReadAllText(path), s_options)
                ?? throw new InvalidDataException($"gyro calibration file '{path}' holds JSON null; expected an object");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"gyro calibration file '{path}' is not valid: {ex.Message}", ex);
        }

        Check(path, "gyro_bias_board_rad_s", calibration.GyroBiasBoardRadiansPerSecond);
        Check(path, "gyro_std_dev_board_rad_s", calibration.GyroStdDevBoardRadiansPerSecond);
        return true;
    }

    /// <summary>Writes <paramref name="calibration"/> to <paramref name="path"/> atomically (temporary file, then rename).</summary>
    public static void Save(string path, GyroBiasCalibration calibration)
    {
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        string temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(calibration, s_options));
        File.Move(temporary, path, overwrite: true);
    }

    private static void Check(string path, string field, float[]? values)
    {
        if (values is null || values.Length != 3 || !float.IsFinite(values[0]) || !float.IsFinite(values[1]) || !float.IsFinite(values[2]))
        {
            string found = values is null ? "nothing" : $"{values.Length} value(s): [{string.Join(", ", values)}]";
            throw new InvalidDataException($"gyro calibration file '{path}': field '{field}' must hold 3 finite numbers (x, y, z in rad/s); found {found}");
        }
    }
}
