using System.Numerics;
using DroneLiquid.Evaluation.Episodes;
using DroneLiquid.Evaluation.Expert;
using DroneLiquid.Evaluation.Flying;
using DroneLiquid.Evaluation.Runs;
using DroneLiquid.Evaluation.Tests.Fakes;
using DroneLiquid.Flight.Frames;
using DroneLiquid.Sim.Worlds;
using DroneLiquid.Tests.Shared;

namespace DroneLiquid.Evaluation.Tests.Expert;

public sealed class ExpertPilotTests
{
    [Theory]
    [InlineData(WorldKind.Empty)]
    [InlineData(WorldKind.Forest)]
    [InlineData(WorldKind.Urban)]
    public void The_expert_reaches_the_target_without_touching_anything(WorldKind world)
    {
        EpisodeSettings settings = SmallEpisodes.Settings(world);
        var runner = new EpisodeRunner(settings, null);
        for (int index = 0; index < 3; index++)
        {
            EpisodeSetup setup = EpisodeGenerator.Create(settings, EpisodePurpose.Test, 11, index);
            EpisodeResult result = runner.Fly(setup, PilotMix.Expert);
            Assert.True(result.Success, $"{world} episode {index}: {result.Outcome} {result.CrashReason}, {result.FinalDistanceToTargetM} m from the target");
            Assert.True(result.MinClearanceM > 0.35, $"{world} episode {index}: min clearance {result.MinClearanceM} m");
            Assert.InRange(result.PathEfficiency!.Value, 0.6, 1.0);
        }
    }

    [Fact]
    public void Its_commands_are_rate_limited_and_turn_the_nose_toward_travel()
    {
        EpisodeSetup setup = EpisodeGenerator.Create(SmallEpisodes.Settings(WorldKind.Empty), EpisodePurpose.Test, 3, 0);
        var expert = new ExpertPilot(setup.Plan, setup.Layout.TargetNed.Z);
        Vector3 toTarget = setup.Layout.TargetNed - setup.Layout.StartNed;
        float targetYaw = MathF.Atan2(toTarget.Y, toTarget.X);

        // Facing away from the target: it turns toward it and barely moves until it does.
        var first = expert.Command(setup.Layout.StartNed, targetYaw + MathF.PI, 0.05f);
        Assert.Equal(VelocityFrame.BodyFrd, first.Frame);
        Assert.True(new Vector3(first.X, first.Y, first.Z).Length() <= 2.5f * 0.05f + 1e-4f, "the first command must respect the acceleration limit");
        var later = first;
        for (int i = 0; i < 40; i++)
        {
            later = expert.Command(setup.Layout.StartNed, targetYaw + MathF.PI, 0.05f);
        }

        Assert.True(MathF.Abs(later.YawRateRadiansPerSecond) > 0.5f, $"yaw rate {later.YawRateRadiansPerSecond}");

        // Facing the target: it flies forward, not sideways.
        var aligned = new ExpertPilot(setup.Plan, setup.Layout.TargetNed.Z);
        var command = aligned.Command(setup.Layout.StartNed, targetYaw, 0.05f);
        for (int i = 0; i < 60; i++)
        {
            command = aligned.Command(setup.Layout.StartNed, targetYaw, 0.05f);
        }

        Assert.True(command.X > 2f, $"forward {command.X}");
        Assert.True(MathF.Abs(command.Y) < 0.1f, $"right {command.Y}");
    }

    [Fact]
    public void The_plan_blocks_obstacles_and_descends_to_the_target()
    {
        EpisodeSetup setup = EpisodeGenerator.Create(SmallEpisodes.Settings(WorldKind.Forest), EpisodePurpose.Test, 4, 0);
        CostToGoMap plan = setup.Plan;
        var target = new Vector2(setup.Layout.TargetNed.X, setup.Layout.TargetNed.Y);
        var start = new Vector2(setup.Layout.StartNed.X, setup.Layout.StartNed.Y);
        Assert.True(plan.CostAt(target) < CostToGoMap.CellMetres);
        Assert.True(float.IsFinite(plan.CostAt(start)));
        Assert.True(plan.CostAt(start) >= Vector2.Distance(start, target) - CostToGoMap.CellMetres);
        var trunk = setup.World.Obstacles.ToArray().First(o => o.Shape == ObstacleShape.Cylinder && MathF.Abs(o.A.X) < 25 && MathF.Abs(o.A.Y) < 25);
        Assert.True(float.IsPositiveInfinity(plan.CostAt(new Vector2(trunk.A.X, trunk.A.Y))));
        Assert.True(plan.TryCarrot(start, 4f, out Vector2 carrot));
        Assert.True(plan.CostAt(carrot) < plan.CostAt(start));
    }

    [Fact]
    public void A_command_allocates_nothing()
    {
        EpisodeSetup setup = EpisodeGenerator.Create(SmallEpisodes.Settings(WorldKind.Forest), EpisodePurpose.Test, 4, 0);
        var expert = new ExpertPilot(setup.Plan, setup.Layout.TargetNed.Z);
        Vector3 position = setup.Layout.StartNed;
        for (int i = 0; i < 50; i++)
        {
            expert.Command(position, 0.3f, 0.05f);
        }

        Allocations.AssertNone(() =>
        {
            for (int i = 0; i < 2000; i++)
            {
                position += new Vector3(0.001f, 0.002f, 0f);
                expert.Command(position, 0.3f, 0.05f);
            }
        });
    }
}
