namespace DroneLiquid.Sensors.Imu.I2c;

/// <summary>What the I2C IMU source does about the gyro bias at start.</summary>
public enum GyroCalibrationMode
{
    /// <summary>No bias removal.</summary>
    None,

    /// <summary>Reuse the calibration file when it belongs to this device; otherwise calibrate (vehicle still) and save it.</summary>
    LoadOrCalibrate,

    /// <summary>Always calibrate at start (vehicle still) and overwrite the file.</summary>
    Recalibrate,
}
