using DroneLiquid.FirmwareBridge.ArduPilot;
using DroneLiquid.Mavlink.Messages;

namespace DroneLiquid.FirmwareBridge.Tests.ArduPilot;

public sealed class ArduPilotModesTests
{
    [Theory]
    [InlineData(CopterMode.Guided, false, ControlMode.VelocityControl)]
    [InlineData(CopterMode.Guided, true, ControlMode.Takeoff)]
    [InlineData(CopterMode.Brake, false, ControlMode.Hold)]
    [InlineData(CopterMode.Loiter, false, ControlMode.Hold)]
    [InlineData(CopterMode.Land, false, ControlMode.Land)]
    [InlineData(CopterMode.Rtl, false, ControlMode.Return)]
    [InlineData(CopterMode.SmartRtl, false, ControlMode.Return)]
    [InlineData(CopterMode.Stabilize, false, ControlMode.Pilot)]
    [InlineData(CopterMode.Poshold, false, ControlMode.Pilot)]
    [InlineData(CopterMode.Auto, false, ControlMode.OtherAutonomous)]
    [InlineData(CopterMode.GuidedNogps, false, ControlMode.OtherAutonomous)]
    public void DecodesTheCopterModeNumber(CopterMode mode, bool takingOff, ControlMode expected) =>
        Assert.Equal(expected, ArduPilotAutopilot.Decode((uint)mode, takingOff));

    [Fact]
    public void AnUnknownNumberIsUnknownAndNamedByItsNumber()
    {
        Assert.Equal(ControlMode.Unknown, ArduPilotAutopilot.Decode(99, false));
        Assert.Equal("mode 99", ArduPilotAutopilot.Name(99));
        Assert.Equal("GUIDED", ArduPilotAutopilot.Name(4));
    }
}
