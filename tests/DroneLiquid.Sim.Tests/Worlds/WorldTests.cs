using System.Numerics;
using DroneLiquid.Sim.Worlds;

namespace DroneLiquid.Sim.Tests.Worlds;

public class WorldTests
{
    private static readonly Vector3 Start = new(-30f, 0f, 0f);
    private static readonly Vector3 Target = new(30f, 5f, -3f);

    [Theory]
    [InlineData(WorldKind.Forest)]
    [InlineData(WorldKind.Urban)]
    public void The_same_seed_gives_the_same_world_and_another_seed_a_different_one(WorldKind kind)
    {
        World a = WorldFactory.Create(kind, 7, 0.6f, 60f, Start, Target);
        World b = WorldFactory.Create(kind, 7, 0.6f, 60f, Start, Target);
        World c = WorldFactory.Create(kind, 8, 0.6f, 60f, Start, Target);

        Assert.True(a.SolidObstacleCount > 20, $"{kind} has {a.SolidObstacleCount} obstacles");
        Assert.Equal(a.ContentHash(), b.ContentHash());
        Assert.True(a.Obstacles.SequenceEqual(b.Obstacles));
        Assert.NotEqual(a.ContentHash(), c.ContentHash());
    }

    [Fact]
    public void Density_scales_the_number_of_obstacles_and_empty_has_only_the_target()
    {
        World sparse = WorldFactory.Create(WorldKind.Forest, 3, 0.2f, 60f, Start, Target);
        World dense = WorldFactory.Create(WorldKind.Forest, 3, 0.9f, 60f, Start, Target);
        World empty = WorldFactory.Create(WorldKind.Empty, 3, 0.9f, 60f, Start, Target);

        Assert.True(dense.SolidObstacleCount > 2 * sparse.SolidObstacleCount);
        Assert.Equal(0, empty.SolidObstacleCount);
        Assert.Equal(Target, empty.Obstacles[empty.TargetIndex].A);
        Assert.False(empty.Obstacles[empty.TargetIndex].Solid);
    }

    [Theory]
    [InlineData(WorldKind.Forest)]
    [InlineData(WorldKind.Urban)]
    public void Generators_keep_the_start_and_target_clear(WorldKind kind)
    {
        for (ulong seed = 1; seed <= 5; seed++)
        {
            World world = WorldFactory.Create(kind, seed, 1f, 60f, Start, Target);
            for (float altitude = 0.5f; altitude < 20f; altitude += 1.5f)
            {
                Assert.True(world.Clearance(Start with { Z = -altitude }) >= WorldFactory.StartClearingMetres - 0.01f);
                Assert.True(world.Clearance(Target with { Z = -altitude }) >= WorldFactory.TargetClearingMetres - 0.01f);
            }
        }
    }

    [Fact]
    public void Clearance_is_the_distance_to_the_nearest_surface()
    {
        Obstacle[] obstacles =
        [
            Obstacle.Cylinder(10f, 0f, 0.5f, 0f, 8f, Vector3.One),
            Obstacle.Box(-12f, -2f, -10f, 2f, 0f, 5f, Vector3.One),
            Obstacle.Sphere(new Vector3(0f, 10f, -4f), 2f, Vector3.One),
            Obstacle.Cone(0f, -10f, 2f, 2f, 6f, Vector3.One),
        ];
        var world = new World(WorldKind.Empty, 50f, obstacles, new Vector3(0f, 0f, -3f), 0.4f);

        Assert.Equal(7.5f, world.Clearance(new Vector3(2f, 0f, -2f)), 3);       // cylinder side
        Assert.Equal(1f, world.Clearance(new Vector3(10f, 0f, -9f)), 3);        // cylinder top
        Assert.Equal(3f, world.Clearance(new Vector3(-7f, 0f, -2f)), 3);        // box face
        Assert.Equal(1f, world.Clearance(new Vector3(0f, 7f, -4f)), 3);         // sphere
        Assert.Equal(1f, world.Clearance(new Vector3(0f, -10f, -7f)), 3);       // above the cone apex
        Assert.Equal(1f, world.Clearance(new Vector3(0f, -10f, -1f)), 3);       // under the cone base
        Assert.True(world.Clearance(new Vector3(10f, 0f, -4f)) < 0f);           // inside the trunk
        Assert.Equal(World.ClearanceSearchRadiusMetres, world.Clearance(new Vector3(40f, 40f, -2f)));

        Assert.True(world.Collides(new Vector3(9.2f, 0f, -2f), 0.35f, out int hit));
        Assert.Equal(0, hit);
        Assert.False(world.Collides(new Vector3(9.0f, 0f, -2f), 0.35f, out _));
        Assert.False(world.Collides(new Vector3(0f, 0f, -3f), 0.35f, out _)); // the target marker never collides
    }

    [Fact]
    public void Rays_hit_the_nearest_surface_through_the_grid()
    {
        Obstacle[] obstacles =
        [
            Obstacle.Cylinder(20f, 0f, 0.5f, 0f, 8f, Vector3.One),
            Obstacle.Box(12f, -1f, 13f, 1f, 0f, 1f, Vector3.One),
            Obstacle.Sphere(new Vector3(-15f, 0f, -2f), 1f, Vector3.One),
        ];
        var world = new World(WorldKind.Empty, 50f, obstacles, new Vector3(0f, 30f, -3f), 0.4f);
        var tracer = new WorldRayTracer(world);

        Assert.True(tracer.Trace(new Vector3(0f, 0f, -2f), Vector3.UnitX, 100f, out RayHit trunk));
        Assert.Equal(0, trunk.ObstacleIndex);
        Assert.Equal(19.5f, trunk.DistanceMetres, 3);
        Assert.Equal(-Vector3.UnitX, trunk.NormalNed);

        Assert.True(tracer.Trace(new Vector3(0f, 0f, -0.5f), Vector3.UnitX, 100f, out RayHit low));
        Assert.Equal(1, low.ObstacleIndex);
        Assert.Equal(12f, low.DistanceMetres, 3);

        Assert.True(tracer.Trace(new Vector3(0f, 0f, -2f), -Vector3.UnitX, 100f, out RayHit sphere));
        Assert.Equal(14f, sphere.DistanceMetres, 3);

        Assert.True(tracer.Trace(new Vector3(0f, 0f, -2f), Vector3.Normalize(new Vector3(0f, 1f, 1f)), 100f, out RayHit ground));
        Assert.True(ground.IsGround);
        Assert.Equal(2f * MathF.Sqrt(2f), ground.DistanceMetres, 3);

        Assert.False(tracer.Trace(new Vector3(0f, 0f, -2f), Vector3.Normalize(new Vector3(0f, -1f, -1f)), 100f, out _));
    }
}
