using System.Numerics;
using DroneLiquid.Sim.Scenarios;
using DroneLiquid.Sim.Sensors;
using DroneLiquid.Sim.Simulation;
using DroneLiquid.Sim.Worlds;

namespace DroneLiquid.Sim.Tests;

/// <summary>Scenarios built in code for tests: an empty world, calm air, the target far away unless given.</summary>
internal static class TestScenarios
{
    public static Scenario Empty(float startAltitudeMetres = 0f, ulong seed = 1, Vector3? target = null, float yawRadians = 0f) => new()
    {
        World = WorldKind.Empty,
        Seed = seed,
        ExtentMetres = 200,
        StartNed = new Vector3(0f, 0f, -startAltitudeMetres),
        StartYawRadians = yawRadians,
        TargetNed = target ?? new Vector3(190f, 190f, -50f),
        TimeLimitSeconds = 3600,
    };

    /// <summary>A world with no sensor noise, so that controller responses are exactly repeatable and easy to read.</summary>
    public static SimWorld Quiet(float startAltitudeMetres = 0f, float yawRadians = 0f) =>
        new(Empty(startAltitudeMetres, yawRadians: yawRadians), new SimWorldOptions { Noise = SensorNoise.None });

    /// <summary>Steps until <paramref name="condition"/> holds or <paramref name="maxSeconds"/> pass; returns the time it took (NaN if never).</summary>
    public static double StepUntil(SimWorld sim, Func<SimWorld, bool> condition, double maxSeconds, double stepSeconds = 0.01)
    {
        double start = sim.ElapsedSeconds;
        while (sim.ElapsedSeconds - start < maxSeconds)
        {
            sim.Step(stepSeconds);
            if (condition(sim))
            {
                return sim.ElapsedSeconds - start;
            }
        }

        return double.NaN;
    }
}
