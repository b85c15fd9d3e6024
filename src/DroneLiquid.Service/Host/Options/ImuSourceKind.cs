namespace DroneLiquid.Service.Host.Options;

/// <summary>Where the IMU samples come from.</summary>
public enum ImuSourceKind
{
    /// <summary>The autopilot's IMU over MAVLink (HIGHRES_IMU / SCALED_IMU): no extra wiring.</summary>
    Mavlink,

    /// <summary>A chip on the companion computer's I2C bus (MPU-6050/6500/9250, BNO055, LSM9DS1).</summary>
    I2c,
}
