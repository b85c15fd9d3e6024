using System.Numerics;
using DroneLiquid.Evaluation.Expert;
using DroneLiquid.Sim.Core;
using DroneLiquid.Sim.Scenarios;
using DroneLiquid.Sim.Worlds;

namespace DroneLiquid.Evaluation.Episodes;

/// <summary>
/// Draws episodes. The world seed comes from <see cref="EpisodeSeeds"/>; from it a layout stream draws the start
/// (at least 10 m inside the world's edge, hovering at the cruise height, a random heading), a target 25-40 m away
/// (by default) at the same height and at least 6 m inside the edge, and the wind direction. A layout whose target
/// the expert's planner cannot reach at cruise height from the start is redrawn from the same stream, so every
/// episode is flyable and the draw stays a pure function of (world kind, purpose, seed, index, settings).
/// </summary>
public static class EpisodeGenerator
{
    private const int MaxDraws = 64;
    private const ulong LayoutStream = 0x4C41594F5554; // "LAYOUT"

    public static EpisodeSetup Create(EpisodeSettings settings, EpisodePurpose purpose, ulong seed, int index)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ulong worldSeed = EpisodeSeeds.WorldSeed(settings.World, purpose, seed, index);
        var random = new SimRandom(worldSeed).Fork(LayoutStream);
        float cruiseDown = -settings.CruiseAltitudeMetres;
        float extent = settings.ExtentMetres;
        for (int draw = 0; draw < MaxDraws; draw++)
        {
            var start = new Vector2((float)random.Uniform(-extent + 10, extent - 10), (float)random.Uniform(-extent + 10, extent - 10));
            double bearing = random.Uniform(-Math.PI, Math.PI);
            double distance = random.Uniform(settings.MinTargetDistanceMetres, settings.MaxTargetDistanceMetres);
            var target = start + new Vector2((float)(distance * Math.Cos(bearing)), (float)(distance * Math.Sin(bearing)));
            float startYaw = (float)random.Uniform(-Math.PI, Math.PI);
            double windBearing = random.Uniform(-Math.PI, Math.PI);
            if (MathF.Abs(target.X) > extent - 6 || MathF.Abs(target.Y) > extent - 6)
            {
                continue;
            }

            var wind = new Vector3((float)(settings.WindMetresPerSecond * Math.Cos(windBearing)), (float)(settings.WindMetresPerSecond * Math.Sin(windBearing)), 0f);
            var layout = new EpisodeLayout(settings.World, purpose, seed, index, worldSeed,
                new Vector3(start, cruiseDown), startYaw, new Vector3(target, cruiseDown), wind);
            Scenario scenario = ToScenario(settings, layout);
            World world = WorldFactory.Create(scenario);
            var plan = new CostToGoMap(world, cruiseDown);
            if (float.IsFinite(plan.CostAt(start)))
            {
                return new EpisodeSetup(layout, scenario, world, plan);
            }
        }

        throw new InvalidOperationException(
            $"no flyable layout in {MaxDraws} draws for {settings.World} episode {index} (seed {seed}); lower the density or the target distance");
    }

    /// <summary>The simulator scenario of a layout.</summary>
    public static Scenario ToScenario(EpisodeSettings settings, EpisodeLayout layout) => new()
    {
        World = layout.World,
        Seed = layout.WorldSeed,
        Density = settings.Density,
        ExtentMetres = settings.ExtentMetres,
        StartNed = layout.StartNed,
        StartYawRadians = layout.StartYawRadians,
        TargetNed = layout.TargetNed,
        WindMeanNed = layout.WindMeanNed,
        GustStdMetresPerSecond = 0.25f * settings.WindMetresPerSecond,
        TimeLimitSeconds = settings.TimeLimitSeconds,
        SuccessRadiusMetres = settings.SuccessRadiusMetres,
        Camera = settings.HasCamera ? new CameraSpec(settings.ImageWidth, settings.ImageHeight, settings.CameraFovRadians) : null,
    };
}
