using DroneLiquid.FirmwareBridge.Px4;

namespace DroneLiquid.FirmwareBridge.Tests.Px4;

public sealed class Px4CustomModeTests
{
    [Fact]
    public void EncodesMainModeInBits16To23AndSubModeInBits24To31()
    {
        Assert.Equal(393216u, Px4CustomMode.Offboard); // 6 << 16, as real SITL's HEARTBEAT showed 0x00060000
        Assert.Equal(0x03040000u, Px4CustomMode.Hold);
        Assert.Equal(0x02040000u, Px4CustomMode.Takeoff);
        Assert.Equal(0x06040000u, Px4CustomMode.Land);
        Assert.Equal(0x05040000u, Px4CustomMode.Return);
        Assert.Equal((byte)4, Px4CustomMode.Main(0x05040000));
        Assert.Equal((byte)5, Px4CustomMode.Sub(0x05040000));
    }

    [Theory]
    [InlineData(0x00060000u, ControlMode.VelocityControl)]
    [InlineData(0x03040000u, ControlMode.Hold)]
    [InlineData(0x02040000u, ControlMode.Takeoff)]
    [InlineData(0x06040000u, ControlMode.Land)]
    [InlineData(0x05040000u, ControlMode.Return)]
    [InlineData(0x04040000u, ControlMode.OtherAutonomous)]
    [InlineData(0x00030000u, ControlMode.Pilot)]
    [InlineData(0x00010000u, ControlMode.Pilot)]
    [InlineData(0x00000000u, ControlMode.Unknown)]
    [InlineData(0x63040000u, ControlMode.Unknown)]
    public void DecodesWhatTheCompanionActsOn(uint customMode, ControlMode expected) => Assert.Equal(expected, Px4CustomMode.Decode(customMode));

    [Fact]
    public void SameModeIgnoresTheReservedBitsAndTheSubModeOutsideAuto()
    {
        Assert.True(Px4CustomMode.Same(0x00060000, 0x00060001));
        Assert.True(Px4CustomMode.Same(0x00060000, 0x01060000));
        Assert.False(Px4CustomMode.Same(0x03040000, 0x06040000));
        Assert.Equal("AUTO.LOITER", Px4CustomMode.Name(0x03040000));
        Assert.Equal("OFFBOARD", Px4CustomMode.Name(0x00060000));
    }
}
