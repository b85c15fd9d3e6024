using System.Numerics;

namespace DroneLiquid.Sim.Frames;

/// <summary>A velocity in the local NED frame, metres per second.</summary>
public readonly record struct VelocityNed(float NorthMetresPerSecond, float EastMetresPerSecond, float DownMetresPerSecond)
{
    public static VelocityNed FromVector(Vector3 value) => new(value.X, value.Y, value.Z);

    public Vector3 ToVector() => new(NorthMetresPerSecond, EastMetresPerSecond, DownMetresPerSecond);
}
