using System.Numerics;

namespace DroneLiquid.Sim.Worlds;

/// <summary>What a ray met first: distance along the (unit) ray, surface normal (NED), and the obstacle index or -1 for the ground.</summary>
public struct RayHit
{
    public float DistanceMetres;
    public Vector3 NormalNed;
    public int ObstacleIndex;

    public readonly bool IsGround => ObstacleIndex < 0;
}
