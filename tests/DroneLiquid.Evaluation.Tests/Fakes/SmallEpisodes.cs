using DroneLiquid.Evaluation.Episodes;
using DroneLiquid.Sim.Worlds;

namespace DroneLiquid.Evaluation.Tests.Fakes;

/// <summary>Settings for fast test episodes: a 60 m square world and targets 10-14 m away.</summary>
internal static class SmallEpisodes
{
    public static EpisodeSettings Settings(WorldKind world, int imageWidth = 0, int imageHeight = 0) => new()
    {
        World = world,
        ExtentMetres = 30f,
        MinTargetDistanceMetres = 10f,
        MaxTargetDistanceMetres = 14f,
        TimeLimitSeconds = 30,
        ImageWidth = imageWidth,
        ImageHeight = imageHeight,
    };
}
