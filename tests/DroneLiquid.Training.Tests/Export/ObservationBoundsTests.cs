using DroneLiquid.Training.Export;

namespace DroneLiquid.Training.Tests.Export;

public sealed class ObservationBoundsTests
{
    [Fact]
    public void PhysicalBoundsStayWhenTheDataFitsInside()
    {
        Assert.Equal((0.0, 2000.0), ObservationBounds.For("goal_distance", 0.5, 37));
        Assert.Equal((-Math.PI, Math.PI), ObservationBounds.For("roll", -0.3, 0.4));
    }

    [Fact]
    public void BoundIsWidenedOnlyOnTheSideTheDataExceeds()
    {
        var (min, max) = ObservationBounds.For("velocity_body_forward", -10, 50);
        Assert.Equal(-40.0, min);
        Assert.Equal(20 + 45, max);
    }
}
