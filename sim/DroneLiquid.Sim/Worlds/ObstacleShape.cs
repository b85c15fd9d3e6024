namespace DroneLiquid.Sim.Worlds;

/// <summary>The primitive an obstacle is made of.</summary>
public enum ObstacleShape : byte
{
    /// <summary>Vertical cylinder (tree trunk, pole) between two heights.</summary>
    Cylinder,

    /// <summary>Sphere (deciduous canopy, bush, the target marker).</summary>
    Sphere,

    /// <summary>Axis-aligned box (building, sign).</summary>
    Box,

    /// <summary>Vertical cone, apex up (conifer canopy).</summary>
    Cone,
}
