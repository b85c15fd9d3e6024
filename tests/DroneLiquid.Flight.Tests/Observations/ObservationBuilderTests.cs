using DroneLiquid.Flight.Frames;
using DroneLiquid.Flight.Observations;
using DroneLiquid.Liquid.Policies;

namespace DroneLiquid.Flight.Tests.Observations;

/// <summary>Normalisation, declared ranges and bad samples, in policy.json order.</summary>
public class ObservationBuilderTests
{
    private static readonly FlightSnapshot Hover = new(new PositionNed(0, 0, -5), new VelocityNed(1, 2, 0), 0, 0, 0, 0, 0, 0, 0, 0, -9.81f, new PositionNed(10, 0, -5));

    [Fact]
    public void Raw_and_normalised_values_follow_policy_json_order()
    {
        var builder = new ObservationBuilder([new("velocity_ned_east", "m/s", Mean: 1, Std: 2), new("altitude_above_home", "m", Mean: 5, Std: 0.5), new("goal_distance", "m")]);
        float[] raw = new float[3], normalised = new float[3];

        Assert.Equal(ObservationStatus.Ok, builder.Build(Hover, raw, normalised, out int bad));
        Assert.Equal(-1, bad);
        Assert.Equal([2f, 5f, 10f], raw);
        Assert.Equal([0.5f, 0f, 10f], normalised);
        Assert.Equal(ObservationFeature.AltitudeAboveHome, builder.FeatureAt(1));

        float[] again = new float[3];
        builder.Normalise(raw, again);
        Assert.Equal(normalised, again);
    }

    [Fact]
    public void Out_of_range_and_non_finite_values_are_reported_with_their_index()
    {
        var builder = new ObservationBuilder([new("yaw", "rad"), new("velocity_ned_north", "m/s", Min: -0.5, Max: 0.5), new("gyro_x", "rad/s")]);
        float[] raw = new float[3], normalised = new float[3];
        Assert.Equal(ObservationStatus.OutOfRange, builder.Build(Hover, raw, normalised, out int bad));
        Assert.Equal(1, bad);

        var broken = Hover with { GyroXRadiansPerSecond = float.NaN, VelocityNed = new VelocityNed(0.1f, 0, 0) };
        Assert.Equal(ObservationStatus.NonFinite, builder.Build(broken, raw, normalised, out bad));
        Assert.Equal(2, bad);
        Assert.True(float.IsNaN(normalised[2]));
    }

    [Fact]
    public void Unknown_names_and_bad_std_are_refused_naming_the_entry()
    {
        var unknown = Assert.Throws<ArgumentException>(() => new ObservationBuilder([new("yaw", "rad"), new("lidar", "m")]));
        Assert.StartsWith("observations[1] 'lidar' is not an observation this flight code can compute; known: goal_body_forward,", unknown.Message);
        var std = Assert.Throws<ArgumentException>(() => new ObservationBuilder([new ObservationInput("yaw", "rad", Std: 0)]));
        Assert.Equal("observations[0] 'yaw' has std 0; it must be a positive finite number", std.Message);
    }

    [Fact]
    public void Short_buffers_are_refused()
    {
        var builder = new ObservationBuilder([new("yaw", "rad"), new("roll", "rad")]);
        var e = Assert.Throws<ArgumentException>(() => builder.Build(Hover, new float[1], new float[2], out _));
        Assert.Equal("the buffers hold 1 and 2 floats; 2 are needed", e.Message);
    }
}
