using DroneLiquid.Flight.Envelope;
using DroneLiquid.Flight.Frames;
using DroneLiquid.Flight.Policies;
using DroneLiquid.Liquid.Policies;

namespace DroneLiquid.Flight.Tests.Policies;

/// <summary>Frames, scale and offset, limits, and non-finite outputs that must reach the failsafe as NaN.</summary>
public class ActionDecoderTests
{
    [Fact]
    public void A_body_policy_decodes_scaled_clamped_values_in_any_output_order()
    {
        var decoder = new ActionDecoder([
            new("yaw_rate", "rad/s", Scale: 0.5),
            new("velocity_body_down", "m/s", Offset: 0.1),
            new("velocity_body_forward", "m/s", Scale: 2, Max: 3),
            new("velocity_body_right", "m/s", Min: -1)]);

        var command = decoder.Decode([1f, 0.2f, 4f, -5f]);

        Assert.Equal(VelocityFrame.BodyFrd, decoder.Frame);
        Assert.Equal(4, decoder.Count);
        Assert.Equal(3f, command.X);
        Assert.Equal(-1f, command.Y);
        Assert.Equal(0.3f, command.Z, 6);
        Assert.Equal(0.5f, command.YawRateRadiansPerSecond);
    }

    [Fact]
    public void A_ned_policy_without_yaw_rate_commands_zero_yaw_rate()
    {
        var decoder = new ActionDecoder([new("velocity_ned_north", "m/s"), new("velocity_ned_east", "m/s"), new("velocity_ned_down", "m/s")]);
        var command = decoder.Decode([1f, 2f, 3f]);
        Assert.Equal(new PolicyCommand(VelocityFrame.Ned, 1, 2, 3, 0), command);
    }

    [Fact]
    public void Non_finite_outputs_become_nan_never_a_clamped_limit()
    {
        var decoder = new ActionDecoder([
            new("velocity_ned_north", "m/s", Max: 5), new("velocity_ned_east", "m/s", Scale: 1e300, Max: 5), new("velocity_ned_down", "m/s")]);
        var command = decoder.Decode([float.PositiveInfinity, 1f, float.NaN]);
        Assert.True(float.IsNaN(command.X));
        Assert.Equal(5f, command.Y); // 1e300 is finite as a double: clamped to the declared Max
        Assert.True(float.IsNaN(command.Z));
    }

    [Theory]
    [InlineData(new[] { "velocity_body_forward", "velocity_ned_east", "velocity_body_down" }, "actions must name one velocity frame")]
    [InlineData(new[] { "velocity_body_forward", "velocity_body_right" }, "actions lack 'velocity_body_down': a velocity command needs all three components")]
    [InlineData(new[] { "velocity_body_forward", "velocity_body_right", "velocity_body_down", "thrust" }, "actions[3] 'thrust' is not a command this flight code sends")]
    [InlineData(new[] { "velocity_body_forward", "velocity_body_right", "velocity_body_down", "velocity_body_down" }, "actions[3] 'velocity_body_down' appears twice")]
    public void Inconsistent_actions_are_refused_naming_the_problem(string[] names, string expected)
    {
        var e = Assert.Throws<ArgumentException>(() => new ActionDecoder([.. names.Select(n => new ActionOutput(n, "m/s"))]));
        Assert.StartsWith(expected, e.Message);
    }

    [Fact]
    public void Too_few_outputs_are_refused()
    {
        var decoder = new ActionDecoder([new("velocity_ned_north", "m/s"), new("velocity_ned_east", "m/s"), new("velocity_ned_down", "m/s")]);
        Assert.Throws<ArgumentException>(() => decoder.Decode([1f, 2f]));
    }
}
