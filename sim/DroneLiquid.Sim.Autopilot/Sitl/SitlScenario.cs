using System.Numerics;
using DroneLiquid.Sim.Scenarios;
using DroneLiquid.Sim.Worlds;

namespace DroneLiquid.Sim.Autopilot.Sitl;

/// <summary>The scenario `droneliquid sim --world W --seed N` flies when no scenario file is given.</summary>
public static class SitlScenario
{
    /// <summary>On the ground at the origin facing north, a target 40 m north at 3 m, no wind, a forward camera.</summary>
    public static Scenario Create(WorldKind world, ulong seed, double timeLimitSeconds) => new()
    {
        World = world,
        Seed = seed,
        StartNed = Vector3.Zero,
        TargetNed = new Vector3(40, 0, -3),
        TimeLimitSeconds = timeLimitSeconds,
        SuccessRadiusMetres = 1.0f,
        Camera = CameraSpec.Default,
    };
}
