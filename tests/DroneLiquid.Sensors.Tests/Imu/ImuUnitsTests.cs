using System.Numerics;
using DroneLiquid.Sensors.Imu;

namespace DroneLiquid.Sensors.Tests.Imu;

public class ImuUnitsTests
{
    [Fact]
    public void Degrees_per_second_to_radians_per_second()
    {
        var rad = ImuUnits.DegreesPerSecondToRadiansPerSecond(new Vector3(180, -90, 360));

        Assert.Equal(MathF.PI, rad.X, 6);
        Assert.Equal(-MathF.PI / 2, rad.Y, 6);
        Assert.Equal(2 * MathF.PI, rad.Z, 6);
    }

    [Fact]
    public void Standard_gravities_to_metres_per_second_squared()
    {
        var si = ImuUnits.StandardGravitiesToMetresPerSecondSquared(new Vector3(1, -2, 0.5f));

        Assert.Equal(new Vector3(9.80665f, -19.6133f, 4.903325f), si);
        Assert.Equal(156.9064f, ImuUnits.StandardGravitiesToMetresPerSecondSquared(16f), 3);
    }

    [Fact]
    public void The_MPU_binding_acceleration_is_converted_back_from_its_own_g()
    {
        // The binding returns raw * FS * 9.807 / 32768: one g of raw counts reads 9.807.
        var g = DroneLiquid.Sensors.Imu.I2c.Mpu6xxxDriver.BindingAccelerationToStandardGravities(new Vector3(9.807f, 0, -19.614f));

        Assert.Equal(new Vector3(1, 0, -2), g);
    }

    [Theory]
    [InlineData(245, 8.75 / 1000 * 133)]
    [InlineData(500, 17.5 / 1000 * 65)]
    [InlineData(2000, 70.0 / 1000 * 16)]
    public void LSM9DS1_gyro_correction_restores_datasheet_sensitivity(int rangeDps, double expected)
    {
        Assert.Equal((float)expected, DroneLiquid.Sensors.Imu.I2c.Lsm9Ds1Driver.AngularRateDatasheetCorrection(rangeDps), 5);
    }
}
