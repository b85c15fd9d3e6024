using System.Numerics;
using DroneLiquid.Sim.Core;
using DroneLiquid.Sim.Scenarios;

namespace DroneLiquid.Sim.Worlds;

/// <summary>Generates the world a scenario describes; the same scenario (and so the same seed) always gives the same world.</summary>
public static class WorldFactory
{
    /// <summary>Radius kept free of obstacles around the start point, metres.</summary>
    public const float StartClearingMetres = 4f;

    /// <summary>Radius kept free of obstacles around the target, metres.</summary>
    public const float TargetClearingMetres = 3f;

    /// <summary>Radius of the target marker sphere, metres.</summary>
    public const float TargetMarkerRadiusMetres = 0.4f;

    public static World Create(Scenario scenario) =>
        Create(scenario.World, scenario.Seed, scenario.Density, scenario.ExtentMetres, scenario.StartNed, scenario.TargetNed);

    public static World Create(WorldKind kind, ulong seed, float density, float extentMetres, Vector3 startNed, Vector3 targetNed)
    {
        ReadOnlySpan<ClearZone> clear =
        [
            new ClearZone(new Vector2(startNed.X, startNed.Y), StartClearingMetres),
            new ClearZone(new Vector2(targetNed.X, targetNed.Y), TargetClearingMetres),
        ];
        var random = new SimRandom(seed).Fork(0x574F524C44); // "WORLD"
        List<Obstacle> obstacles = kind switch
        {
            WorldKind.Forest => ForestGenerator.Generate(random, density, extentMetres, clear),
            WorldKind.Urban => UrbanGenerator.Generate(random, density, extentMetres, clear),
            _ => [],
        };
        return new World(kind, extentMetres, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(obstacles), targetNed, TargetMarkerRadiusMetres);
    }
}
