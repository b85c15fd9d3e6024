using System.Numerics;

namespace DroneLiquid.Sim.Frames;

/// <summary>A wind velocity (the air's motion over the ground) in the local NED frame, metres per second.</summary>
public readonly record struct WindNed(float NorthMetresPerSecond, float EastMetresPerSecond, float DownMetresPerSecond)
{
    public static WindNed FromVector(Vector3 value) => new(value.X, value.Y, value.Z);

    public Vector3 ToVector() => new(NorthMetresPerSecond, EastMetresPerSecond, DownMetresPerSecond);
}
