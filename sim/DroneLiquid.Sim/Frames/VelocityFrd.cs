using System.Numerics;

namespace DroneLiquid.Sim.Frames;

/// <summary>A velocity in the body FRD frame (forward, right, down), metres per second.</summary>
public readonly record struct VelocityFrd(float ForwardMetresPerSecond, float RightMetresPerSecond, float DownMetresPerSecond)
{
    public static VelocityFrd FromVector(Vector3 value) => new(value.X, value.Y, value.Z);

    public Vector3 ToVector() => new(ForwardMetresPerSecond, RightMetresPerSecond, DownMetresPerSecond);
}
