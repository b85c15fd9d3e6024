using System.Numerics;
using DroneLiquid.Sensors.Imu;
using DroneLiquid.Sensors.Imu.Mavlink;

namespace DroneLiquid.Sensors.Tests.Imu.Mavlink;

public class MavlinkImuUnitsTests
{
    [Fact]
    public void MilliGBecomesMetresPerSecondSquared()
    {
        Assert.Equal(new Vector3(9.80665f, -4.903325f, 0f), MavlinkImuUnits.MilliGToMetresPerSecondSquared(1000, -500, 0));
        Assert.Equal(short.MaxValue * 9.80665f / 1000f, MavlinkImuUnits.MilliGToMetresPerSecondSquared(short.MaxValue, 0, 0).X, 3);
    }

    [Fact]
    public void MilliradiansPerSecondBecomeRadiansPerSecond() =>
        Assert.Equal(new Vector3(1f, -0.001f, 0.5f), MavlinkImuUnits.MilliradiansPerSecondToRadiansPerSecond(1000, -1, 500));

    [Fact]
    public void RawCountsUseTheConfiguredScale()
    {
        // MPU-6000 at +-8 g: 4096 LSB/g; at +-2000 deg/s: 16.4 LSB/(deg/s).
        Assert.Equal(9.80665f, MavlinkImuUnits.RawCountsToSi(4096, 0, 0, 9.80665f / 4096f).X, 5);
        Assert.Equal(ImuUnits.RadiansPerDegree * 100f, MavlinkImuUnits.RawCountsToSi(0, 1640, 0, ImuUnits.RadiansPerDegree / 16.4f).Y, 5);
    }

    [Fact]
    public void HighresIsAlreadySiFrd() => Assert.Equal(new Vector3(1f, 2f, 3f), MavlinkImuUnits.HighresToFrd(1f, 2f, 3f));

    [Theory]
    [InlineData(0f, 0f, MathF.PI / 2, 0f, 1f, 0f)]   // yaw 90 deg: forward points east
    [InlineData(0f, 0.3f, 0f, 0.955336f, 0f, -0.295520f)] // pitch up 0.3 rad: forward rises (NED z negative)
    [InlineData(0f, 0f, -MathF.PI / 2, 0f, -1f, 0f)] // yaw -90 deg: west
    public void EulerAttitudeRotatesForwardIntoNed(float roll, float pitch, float yaw, float north, float east, float down)
    {
        Vector3 forward = Vector3.Transform(Vector3.UnitX, MavlinkImuUnits.EulerToFrdToNed(roll, pitch, yaw));
        Assert.Equal(north, forward.X, 5);
        Assert.Equal(east, forward.Y, 5);
        Assert.Equal(down, forward.Z, 5);
    }

    [Fact]
    public void EulerAndQuaternionMessagesAgree()
    {
        Quaternion fromEuler = MavlinkImuUnits.EulerToFrdToNed(0.2f, -0.4f, 2.5f);
        Quaternion fromWire = MavlinkImuUnits.WxyzToFrdToNed(fromEuler.W, fromEuler.X, fromEuler.Y, fromEuler.Z);
        Assert.Equal(1f, MathF.Abs(Quaternion.Dot(fromEuler, fromWire)), 5);
        Vector3 right = Vector3.Transform(Vector3.UnitY, MavlinkImuUnits.EulerToFrdToNed(0.5f, 0f, 0f));
        Assert.Equal(MathF.Sin(0.5f), right.Z, 5); // roll right: the right wing goes down
    }

    [Fact]
    public void WireQuaternionIsWxyzAndNormalised()
    {
        Quaternion q = MavlinkImuUnits.WxyzToFrdToNed(2f, 0f, 0f, 0f);
        Assert.Equal(Quaternion.Identity, q);
        Quaternion yaw = MavlinkImuUnits.WxyzToFrdToNed(MathF.Cos(0.5f), 0f, 0f, MathF.Sin(0.5f));
        Assert.Equal(MathF.Sin(0.5f), yaw.Z, 6);
        Assert.Equal(MathF.Cos(0.5f), yaw.W, 6);
    }
}
