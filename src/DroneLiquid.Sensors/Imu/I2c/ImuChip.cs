namespace DroneLiquid.Sensors.Imu.I2c;

/// <summary>The I2C IMUs that Iot.Device.Bindings 4.2.0 drives and this adapter supports.</summary>
public enum ImuChip
{
    /// <summary>InvenSense MPU-6050 (WHO_AM_I 0x68), I2C 0x68 or 0x69.</summary>
    Mpu6050,

    /// <summary>InvenSense MPU-6500 (WHO_AM_I 0x70), I2C 0x68 or 0x69.</summary>
    Mpu6500,

    /// <summary>InvenSense MPU-9250 (WHO_AM_I 0x71) with its AK8963 magnetometer behind it, I2C 0x68 or 0x69.</summary>
    Mpu9250,

    /// <summary>Bosch BNO055 (CHIP_ID 0xA0), I2C 0x28 or 0x29, read in its non-fusion AMG mode.</summary>
    Bno055,

    /// <summary>ST LSM9DS1 accelerometer and gyroscope (WHO_AM_I 0x68), I2C 0x6A or 0x6B.</summary>
    Lsm9Ds1,
}
