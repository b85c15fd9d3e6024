using System.Numerics;

namespace DroneLiquid.Sim.Frames;

/// <summary>An acceleration (for an IMU, the specific force: gravity excluded, so it reads -9.81 on Down at rest) in the body FRD frame, metres per second squared.</summary>
public readonly record struct AccelerationFrd(float ForwardMetresPerSecondSquared, float RightMetresPerSecondSquared, float DownMetresPerSecondSquared)
{
    public static AccelerationFrd FromVector(Vector3 value) => new(value.X, value.Y, value.Z);

    public Vector3 ToVector() => new(ForwardMetresPerSecondSquared, RightMetresPerSecondSquared, DownMetresPerSecondSquared);
}
