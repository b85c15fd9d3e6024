using DroneLiquid.Flight.Frames;
using DroneLiquid.Flight.Observations;

namespace DroneLiquid.Flight.Tests.Observations;

/// <summary>The catalogue's heading-frame features are the exact inverse of FrameConversion's body-to-NED rotation.</summary>
public class ObservationCatalogTests
{
    private static FlightSnapshot Snapshot(float yaw, PositionNed position, VelocityNed velocity, PositionNed goal) =>
        new(position, velocity, 0.1f, -0.2f, yaw, 0.01f, 0.02f, 0.03f, 0.4f, 0.5f, -9.81f, goal);

    [Theory]
    [InlineData(0f)]
    [InlineData(0.7f)]
    [InlineData(MathF.PI / 2)]
    [InlineData(-2.5f)]
    public void Goal_and_velocity_in_the_heading_frame_rotate_back_to_ned(float yaw)
    {
        var position = new PositionNed(3, -4, -10);
        var goal = new PositionNed(20, 7, -12);
        var velocity = new VelocityNed(1.5f, -2f, 0.3f);
        var s = Snapshot(yaw, position, velocity, goal);

        var goalNed = FrameConversion.BodyFrdToNed(
            ObservationCatalog.Compute(ObservationFeature.GoalBodyForward, s), ObservationCatalog.Compute(ObservationFeature.GoalBodyRight, s),
            ObservationCatalog.Compute(ObservationFeature.GoalBodyDown, s), yaw);
        Assert.Equal(goal.NorthMetres - position.NorthMetres, goalNed.NorthMetresPerSecond, 4);
        Assert.Equal(goal.EastMetres - position.EastMetres, goalNed.EastMetresPerSecond, 4);
        Assert.Equal(goal.DownMetres - position.DownMetres, goalNed.DownMetresPerSecond, 4);

        var velocityNed = FrameConversion.BodyFrdToNed(
            ObservationCatalog.Compute(ObservationFeature.VelocityBodyForward, s), ObservationCatalog.Compute(ObservationFeature.VelocityBodyRight, s),
            ObservationCatalog.Compute(ObservationFeature.VelocityBodyDown, s), yaw);
        Assert.Equal(velocity.NorthMetresPerSecond, velocityNed.NorthMetresPerSecond, 4);
        Assert.Equal(velocity.EastMetresPerSecond, velocityNed.EastMetresPerSecond, 4);
        Assert.Equal(velocity.DownMetresPerSecond, velocityNed.DownMetresPerSecond, 4);
    }

    [Fact]
    public void Facing_east_a_goal_to_the_north_is_on_the_left()
    {
        var s = Snapshot(MathF.PI / 2, new PositionNed(0, 0, -5), default, new PositionNed(10, 0, -5));
        Assert.Equal(0f, ObservationCatalog.Compute(ObservationFeature.GoalBodyForward, s), 4);
        Assert.Equal(-10f, ObservationCatalog.Compute(ObservationFeature.GoalBodyRight, s), 4);
        Assert.Equal(10f, ObservationCatalog.Compute(ObservationFeature.GoalDistance, s), 4);
        Assert.Equal(5f, ObservationCatalog.Compute(ObservationFeature.AltitudeAboveHome, s));
        Assert.Equal(1f, ObservationCatalog.Compute(ObservationFeature.YawSin, s), 6);
        Assert.Equal(0f, ObservationCatalog.Compute(ObservationFeature.YawCos, s), 6);
    }

    [Fact]
    public void Every_feature_has_a_unique_name_and_a_unit_and_round_trips_by_name()
    {
        var names = ObservationCatalog.Names.ToArray();
        Assert.Equal(Enum.GetValues<ObservationFeature>().Length, names.Length);
        Assert.Equal(names.Length, names.Distinct().Count());
        foreach (var feature in Enum.GetValues<ObservationFeature>())
        {
            Assert.True(ObservationCatalog.TryFind(ObservationCatalog.NameOf(feature), out var found));
            Assert.Equal(feature, found);
            Assert.NotEmpty(ObservationCatalog.UnitOf(feature));
        }

        Assert.False(ObservationCatalog.TryFind("Goal_Body_Forward", out _));
    }
}
