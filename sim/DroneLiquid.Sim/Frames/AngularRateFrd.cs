using System.Numerics;

namespace DroneLiquid.Sim.Frames;

/// <summary>An angular rate about the body FRD axes (roll, pitch, yaw rate), radians per second.</summary>
public readonly record struct AngularRateFrd(float RollRadiansPerSecond, float PitchRadiansPerSecond, float YawRadiansPerSecond)
{
    public static AngularRateFrd FromVector(Vector3 value) => new(value.X, value.Y, value.Z);

    public Vector3 ToVector() => new(RollRadiansPerSecond, PitchRadiansPerSecond, YawRadiansPerSecond);
}
