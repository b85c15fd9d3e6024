using System.Numerics;

namespace DroneLiquid.Sim.Worlds;

/// <summary>
/// The light and colours of a world: sky gradient, sun, ambient light, fog and the ground's two tones.
/// Forest and urban palettes differ in every term so that flying from one into the other is a real domain shift.
/// </summary>
public sealed record WorldPalette
{
    public required Vector3 SkyZenithRgb { get; init; }

    public required Vector3 SkyHorizonRgb { get; init; }

    /// <summary>Unit vector toward the sun, NED (negative down component: above the horizon).</summary>
    public required Vector3 SunDirectionNed { get; init; }

    public required Vector3 SunRgb { get; init; }

    public required Vector3 AmbientRgb { get; init; }

    public required Vector3 FogRgb { get; init; }

    /// <summary>Fog extinction per metre: a surface at distance d keeps exp(-density * d) of its colour.</summary>
    public required float FogDensityPerMetre { get; init; }

    public required Vector3 GroundPrimaryRgb { get; init; }

    public required Vector3 GroundSecondaryRgb { get; init; }

    public static WorldPalette Forest { get; } = new()
    {
        SkyZenithRgb = new Vector3(0.28f, 0.50f, 0.85f),
        SkyHorizonRgb = new Vector3(0.72f, 0.82f, 0.92f),
        SunDirectionNed = Vector3.Normalize(new Vector3(0.45f, 0.35f, -0.82f)),
        SunRgb = new Vector3(1.00f, 0.93f, 0.78f),
        AmbientRgb = new Vector3(0.30f, 0.34f, 0.30f),
        FogRgb = new Vector3(0.66f, 0.74f, 0.70f),
        FogDensityPerMetre = 0.018f,
        GroundPrimaryRgb = new Vector3(0.30f, 0.40f, 0.16f),
        GroundSecondaryRgb = new Vector3(0.38f, 0.30f, 0.18f),
    };

    public static WorldPalette Urban { get; } = new()
    {
        SkyZenithRgb = new Vector3(0.55f, 0.60f, 0.68f),
        SkyHorizonRgb = new Vector3(0.80f, 0.80f, 0.80f),
        SunDirectionNed = Vector3.Normalize(new Vector3(-0.60f, 0.55f, -0.58f)),
        SunRgb = new Vector3(0.80f, 0.84f, 0.92f),
        AmbientRgb = new Vector3(0.40f, 0.41f, 0.44f),
        FogRgb = new Vector3(0.74f, 0.74f, 0.76f),
        FogDensityPerMetre = 0.010f,
        GroundPrimaryRgb = new Vector3(0.22f, 0.22f, 0.24f),
        GroundSecondaryRgb = new Vector3(0.58f, 0.56f, 0.53f),
    };

    public static WorldPalette Empty { get; } = Forest with
    {
        GroundPrimaryRgb = new Vector3(0.45f, 0.50f, 0.35f),
        GroundSecondaryRgb = new Vector3(0.50f, 0.48f, 0.40f),
        FogDensityPerMetre = 0.006f,
    };

    public static WorldPalette For(WorldKind kind) => kind switch
    {
        WorldKind.Forest => Forest,
        WorldKind.Urban => Urban,
        _ => Empty,
    };
}
