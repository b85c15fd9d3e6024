using System.Numerics;
using DroneLiquid.Sim.Worlds;

namespace DroneLiquid.Sim.Scenarios;

/// <summary>
/// One episode: the world to generate, where the vehicle starts, where the target is, the wind, the events and
/// the rules of success. Read from JSON by <see cref="ScenarioLoader"/>, which documents every field and its limits.
/// </summary>
public sealed record Scenario
{
    public required WorldKind World { get; init; }

    public required ulong Seed { get; init; }

    /// <summary>Obstacle density, 0 (bare) to 1 (dense).</summary>
    public float Density { get; init; } = 0.5f;

    /// <summary>Half the side of the square world, metres.</summary>
    public float ExtentMetres { get; init; } = 60f;

    /// <summary>Start position, NED metres (down is minus the altitude).</summary>
    public Vector3 StartNed { get; init; }

    public float StartYawRadians { get; init; }

    public required Vector3 TargetNed { get; init; }

    public Vector3 WindMeanNed { get; init; }

    public float GustStdMetresPerSecond { get; init; }

    public float GustTimeConstantSeconds { get; init; } = 2f;

    public IReadOnlyList<SimEvent> Events { get; init; } = [];

    public double TimeLimitSeconds { get; init; } = 60;

    public float SuccessRadiusMetres { get; init; } = 1.0f;

    /// <summary>The camera to render, or null for none.</summary>
    public CameraSpec? Camera { get; init; }
}
