using System.Numerics;

namespace DroneLiquid.Sim.Worlds;

/// <summary>A vertical column around a ground-plane point that generators keep free of obstacles (start pad, target).</summary>
public readonly record struct ClearZone(Vector2 CentreNorthEast, float RadiusMetres)
{
    /// <summary>True when a footprint circle at <paramref name="centre"/> with <paramref name="radius"/> stays outside the zone.</summary>
    public bool Allows(Vector2 centre, float radius) => Vector2.Distance(centre, CentreNorthEast) >= RadiusMetres + radius;

    /// <summary>True when an axis-aligned footprint stays outside the zone.</summary>
    public bool AllowsRectangle(Vector2 min, Vector2 max)
    {
        Vector2 nearest = Vector2.Clamp(CentreNorthEast, min, max);
        return Vector2.Distance(nearest, CentreNorthEast) >= RadiusMetres;
    }
}
