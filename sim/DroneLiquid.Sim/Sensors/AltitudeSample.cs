namespace DroneLiquid.Sim.Sensors;

/// <summary>Barometric altitude relative to home, and the true height above the ground under the vehicle (a range finder), metres.</summary>
public readonly record struct AltitudeSample(double TimestampSeconds, float RelativeAltitudeMetres, float HeightAboveGroundMetres);
