using System.Device.I2c;
using System.Numerics;
using Iot.Device.Lsm9Ds1;

namespace DroneLiquid.Sensors.Imu.I2c;

/// <summary>
/// ST LSM9DS1 accelerometer and gyroscope through <see cref="Lsm9Ds1AccelerometerAndGyroscope"/>
/// (119 Hz output data rate, fixed by the binding).
/// </summary>
/// <remarks>
/// The binding scales raw counts by FS/32768 (the gyro by the integer 32768/FS), but the datasheet's sensitivities
/// differ from that for several ranges (±16 g is 0.732 mg/LSB, not 0.488; ±245 °/s is 8.75 mdps/LSB, not 7.52). The correction factors
/// below restore the datasheet values. The binding does not check WHO_AM_I; this adapter does (0x0F = 0x68).
/// </remarks>
internal sealed class Lsm9Ds1Driver : IImuDriver
{
    internal const byte WhoAmIRegister = 0x0F;
    internal const byte WhoAmIValue = 0x68;
    private readonly Lsm9Ds1AccelerometerAndGyroscope _lsm;
    private readonly float _accelerationCorrection;
    private readonly float _angularRateCorrection;

    public Lsm9Ds1Driver(I2cDevice device, int accelerometerRangeG, int gyroscopeRangeDps)
    {
        device.WriteByte(WhoAmIRegister);
        byte whoAmI = device.ReadByte();
        if (whoAmI != WhoAmIValue)
        {
            throw new IOException($"WHO_AM_I (0x{WhoAmIRegister:X2}) reads 0x{whoAmI:X2}; an LSM9DS1 accelerometer/gyroscope answers 0x{WhoAmIValue:X2}");
        }

        var accelerationScale = accelerometerRangeG switch
        {
            2 => AccelerationScale.Scale02G,
            4 => AccelerationScale.Scale04G,
            8 => AccelerationScale.Scale08G,
            _ => AccelerationScale.Scale16G,
        };
        var angularRateScale = gyroscopeRangeDps switch
        {
            245 => AngularRateScale.Scale0245Dps,
            500 => AngularRateScale.Scale0500Dps,
            _ => AngularRateScale.Scale2000Dps,
        };
        _lsm = new Lsm9Ds1AccelerometerAndGyroscope(device, accelerationScale, angularRateScale);
        _accelerationCorrection = AccelerationDatasheetCorrection(accelerometerRangeG);
        _angularRateCorrection = AngularRateDatasheetCorrection(gyroscopeRangeDps);
        AccelerationFullScaleMetresPerSecondSquared = ImuUnits.StandardGravitiesToMetresPerSecondSquared(accelerometerRangeG * _accelerationCorrection);
        AngularRateFullScaleRadiansPerSecond = ImuUnits.DegreesPerSecondToRadiansPerSecond(gyroscopeRangeDps * _angularRateCorrection);
    }

    public float AccelerationFullScaleMetresPerSecondSquared { get; }

    public float AngularRateFullScaleRadiansPerSecond { get; }

    public void Read(out Vector3 accelerationBoard, out Vector3 angularRateBoard, ref float? temperatureCelsius)
    {
        accelerationBoard = ImuUnits.StandardGravitiesToMetresPerSecondSquared(_lsm.Acceleration * _accelerationCorrection);
        angularRateBoard = ImuUnits.DegreesPerSecondToRadiansPerSecond(_lsm.AngularRate * _angularRateCorrection);
    }

    /// <summary>Datasheet LA_So (mg/LSB) over the binding's FS/32768 g/LSB.</summary>
    internal static float AccelerationDatasheetCorrection(int rangeG)
    {
        float milliGPerLsb = rangeG switch { 2 => 0.061f, 4 => 0.122f, 8 => 0.244f, _ => 0.732f };
        return milliGPerLsb / 1000f * 32768f / rangeG;
    }

    /// <summary>
    /// Datasheet G_So (mdps/LSB) over the binding's 1/(32768 / FS) °/s per LSB; the binding divides by the
    /// integer quotient 32768 / FS (133, 65 or 16 LSB per °/s), so the same integer division is undone here.
    /// </summary>
    internal static float AngularRateDatasheetCorrection(int rangeDps)
    {
        float milliDpsPerLsb = rangeDps switch { 245 => 8.75f, 500 => 17.5f, _ => 70f };
        int bindingLsbPerDps = 32768 / rangeDps;
        return milliDpsPerLsb / 1000f * bindingLsbPerDps;
    }

    public void Dispose() => _lsm.Dispose();
}
