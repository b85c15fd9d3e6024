using System.Numerics;
using DroneLiquid.Sensors.Imu;

namespace DroneLiquid.Sensors.Tests.Imu;

public class AxisRemapTests
{
    [Fact]
    public void Z_up_board_maps_gravity_reaction_to_minus_down()
    {
        var remap = AxisRemap.Parse("+X,-Y,-Z");

        Assert.Equal(AxisRemap.ZUpXForward, remap);
        Assert.Equal(new Vector3(1, -2, -9.8f), remap.ToFrd(new Vector3(1, 2, 9.8f)));
    }

    [Fact]
    public void Board_rotated_90_degrees_with_Y_forward()
    {
        // Chip on top, Y arrow forward, so X points right (viewed from above, z up): forward=+Y, right=+X, down=-Z.
        var remap = AxisRemap.Parse("+y, +x, -z");

        Assert.Equal(new Vector3(5, 3, -1), remap.ToFrd(new Vector3(3, 5, 1)));
        Assert.Equal("+Y,+X,-Z", remap.ToString());
    }

    [Fact]
    public void Exactly_24_of_the_48_signed_permutations_are_rotations()
    {
        int rotations = 0;
        string[] axes = ["X", "Y", "Z"];
        foreach (var a in axes)
        foreach (var b in axes)
        foreach (var c in axes)
        for (int signs = 0; signs < 8; signs++)
        {
            string text = $"{((signs & 1) == 0 ? '+' : '-')}{a},{((signs & 2) == 0 ? '+' : '-')}{b},{((signs & 4) == 0 ? '+' : '-')}{c}";
            if (AxisRemap.TryParse(text, out var remap, out _))
            {
                rotations++;
                // A rotation keeps lengths and handedness: forward × right = down.
                var f = remap.ToFrd(Vector3.UnitX);
                var r = remap.ToFrd(Vector3.UnitY);
                var d = remap.ToFrd(Vector3.UnitZ);
                Assert.Equal(Vector3.Cross(f, r), d);
            }
        }

        Assert.Equal(24, rotations);
    }

    [Theory]
    [InlineData("+X,+Y,-Z", "is a mirror image, not a rotation (determinant -1)")]
    [InlineData("+X,+X,+Z", "uses a board axis twice")]
    [InlineData("X,Y,Z", "part 1 is 'X'; expected a sign and an axis")]
    [InlineData("+X,-Y", "has 2 part(s); expected three signed board axes")]
    public void Bad_mountings_are_refused_with_a_reason(string text, string reason)
    {
        Assert.False(AxisRemap.TryParse(text, out _, out string error));
        Assert.Contains(reason, error);
        Assert.Contains($"'{text}'", error);
    }
}
