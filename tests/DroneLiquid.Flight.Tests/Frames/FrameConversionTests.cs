using DroneLiquid.Flight.Frames;

namespace DroneLiquid.Flight.Tests.Frames;

public class FrameConversionTests
{
    [Theory]
    [InlineData(0f, 1f, 0f, 1f, 0f)] // heading north: forward is north
    [InlineData(0.5f, 1f, 0f, 0f, 1f)] // heading east (pi/2): forward is east
    [InlineData(1f, 1f, 0f, -1f, 0f)] // heading south: forward is south
    [InlineData(0f, 0f, 1f, 0f, 1f)] // heading north: right is east
    [InlineData(0.5f, 0f, 1f, -1f, 0f)] // heading east: right is south
    public void Body_frd_to_ned_rotates_by_heading(float yawTurns, float forward, float right, float north, float east)
    {
        var ned = FrameConversion.BodyFrdToNed(forward, right, 0.7f, yawTurns * MathF.PI);
        Assert.Equal(north, ned.NorthMetresPerSecond, 1e-6);
        Assert.Equal(east, ned.EastMetresPerSecond, 1e-6);
        Assert.Equal(0.7f, ned.DownMetresPerSecond);
    }

    [Fact]
    public void Huge_body_velocities_rotate_without_overflow_in_doubles()
    {
        FrameConversion.BodyFrdToNed(float.MaxValue, -float.MaxValue, 0.3, out double north, out double east);
        Assert.True(double.IsFinite(north) && double.IsFinite(east));
    }
}
