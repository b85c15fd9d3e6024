using DroneLiquid.Evaluation.Episodes;
using DroneLiquid.Sim.Worlds;

namespace DroneLiquid.Evaluation.Tests.Episodes;

public sealed class EpisodeSeedsTests
{
    [Fact]
    public void Purposes_draw_disjoint_world_seeds_whatever_the_user_seeds_and_indices()
    {
        var seen = new Dictionary<ulong, EpisodePurpose>();
        foreach (WorldKind world in Enum.GetValues<WorldKind>())
        {
            foreach (EpisodePurpose purpose in Enum.GetValues<EpisodePurpose>())
            {
                // The same user seeds and indices for every purpose: the collision a careless mapping would make.
                foreach (ulong seed in new ulong[] { 0, 1, 2, 42, ulong.MaxValue, 1UL << 62, 3UL << 62 })
                {
                    for (int index = 0; index < 300; index++)
                    {
                        ulong worldSeed = EpisodeSeeds.WorldSeed(world, purpose, seed, index);
                        Assert.Equal(purpose, EpisodeSeeds.PurposeOf(worldSeed));
                        if (seen.TryGetValue(worldSeed, out EpisodePurpose other))
                        {
                            Assert.Equal(purpose, other);
                        }

                        seen[worldSeed] = purpose;
                    }
                }
            }
        }

        Assert.True(seen.Count > 3 * 3 * 7 * 290, $"{seen.Count} distinct seeds: the hash collapses inputs");
    }

    [Fact]
    public void A_world_seed_is_a_pure_function_of_its_inputs_and_depends_on_each()
    {
        ulong a = EpisodeSeeds.WorldSeed(WorldKind.Forest, EpisodePurpose.Test, 7, 3);
        Assert.Equal(a, EpisodeSeeds.WorldSeed(WorldKind.Forest, EpisodePurpose.Test, 7, 3));
        Assert.NotEqual(a, EpisodeSeeds.WorldSeed(WorldKind.Urban, EpisodePurpose.Test, 7, 3));
        Assert.NotEqual(a, EpisodeSeeds.WorldSeed(WorldKind.Forest, EpisodePurpose.Test, 8, 3));
        Assert.NotEqual(a, EpisodeSeeds.WorldSeed(WorldKind.Forest, EpisodePurpose.Test, 7, 4));
        Assert.NotEqual(a, EpisodeSeeds.WorldSeed(WorldKind.Forest, EpisodePurpose.Validation, 7, 3));
    }

    [Fact]
    public void Generated_episodes_carry_their_purpose_and_the_same_inputs_give_the_same_layout()
    {
        var settings = new EpisodeSettings { World = WorldKind.Forest };
        EpisodeSetup first = EpisodeGenerator.Create(settings, EpisodePurpose.Test, 5, 2);
        EpisodeSetup again = EpisodeGenerator.Create(settings, EpisodePurpose.Test, 5, 2);
        EpisodeSetup training = EpisodeGenerator.Create(settings, EpisodePurpose.Train, 5, 2);
        Assert.Equal(first.Layout, again.Layout);
        Assert.Equal(first.World.ContentHash(), again.World.ContentHash());
        Assert.Equal(EpisodePurpose.Test, EpisodeSeeds.PurposeOf(first.Scenario.Seed));
        Assert.NotEqual(first.World.ContentHash(), training.World.ContentHash());
        float distance = first.Layout.StraightLineMetres;
        Assert.InRange(distance, settings.MinTargetDistanceMetres, settings.MaxTargetDistanceMetres);
        Assert.Equal(-settings.CruiseAltitudeMetres, first.Layout.StartNed.Z);
    }
}
