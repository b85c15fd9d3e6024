namespace DroneLiquid.Sim.Worlds;

/// <summary>A procedural texture on an obstacle's surface.</summary>
public enum SurfacePattern : byte
{
    Plain,

    /// <summary>A grid of windows on a building's walls.</summary>
    Windows,

    /// <summary>Self-lit (the target marker): shading and fog dim it only slightly.</summary>
    Emissive,
}
