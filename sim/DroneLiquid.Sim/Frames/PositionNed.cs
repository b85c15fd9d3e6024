using System.Numerics;

namespace DroneLiquid.Sim.Frames;

/// <summary>A position in the local NED frame (origin at home on the ground), metres.</summary>
public readonly record struct PositionNed(float NorthMetres, float EastMetres, float DownMetres)
{
    public static PositionNed FromVector(Vector3 value) => new(value.X, value.Y, value.Z);

    public Vector3 ToVector() => new(NorthMetres, EastMetres, DownMetres);
}
