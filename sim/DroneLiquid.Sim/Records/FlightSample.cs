using System.Numerics;
using DroneLiquid.Sim.Control;

namespace DroneLiquid.Sim.Records;

/// <summary>One row of the flight record: true pose and motion at a moment, plus clearance, battery and mode.</summary>
public readonly record struct FlightSample(
    double TimeSeconds,
    Vector3 PositionNed,
    Vector3 VelocityNed,
    float RollRadians,
    float PitchRadians,
    float YawRadians,
    float ClearanceMetres,
    float BatteryRemainingFraction,
    FlightMode Mode,
    bool Armed)
{
    public float AltitudeMetres => -PositionNed.Z;

    public float SpeedMetresPerSecond => VelocityNed.Length();
}
