using System.Numerics;
using DroneLiquid.Sim.Frames;

namespace DroneLiquid.Sim.Tests.Frames;

public class EulerAnglesTests
{
    [Fact]
    public void Yaw_turns_the_nose_from_north_to_east_and_pitch_raises_it()
    {
        Vector3 forwardAtYaw90 = Vector3.Transform(Vector3.UnitX, new EulerAngles(0f, 0f, MathF.PI / 2f).ToQuaternion());
        Assert.Equal(1f, forwardAtYaw90.Y, 5);
        Assert.Equal(0f, forwardAtYaw90.X, 5);

        Vector3 forwardPitchedUp = Vector3.Transform(Vector3.UnitX, new EulerAngles(0f, 0.3f, 0f).ToQuaternion());
        Assert.True(forwardPitchedUp.Z < -0.29f, "nose up points to negative down");

        Vector3 rightRolled = Vector3.Transform(Vector3.UnitY, new EulerAngles(0.3f, 0f, 0f).ToQuaternion());
        Assert.True(rightRolled.Z > 0.29f, "positive roll lowers the right side");
    }

    [Theory]
    [InlineData(0.1f, -0.2f, 2.5f)]
    [InlineData(-0.7f, 0.4f, -1.2f)]
    [InlineData(0f, 0f, 3.1f)]
    public void Quaternion_and_Euler_round_trip(float roll, float pitch, float yaw)
    {
        EulerAngles back = EulerAngles.FromQuaternion(new EulerAngles(roll, pitch, yaw).ToQuaternion());
        Assert.Equal(roll, back.RollRadians, 4);
        Assert.Equal(pitch, back.PitchRadians, 4);
        Assert.Equal(yaw, back.YawRadians, 4);
    }
}
