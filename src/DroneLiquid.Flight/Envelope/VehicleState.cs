using DroneLiquid.Flight.Frames;

namespace DroneLiquid.Flight.Envelope;

/// <summary>
/// What the envelope needs to know about the vehicle: position relative to home (NED, m), velocity (NED, m/s),
/// yaw (rad, 0 = north), and the minimum obstacle clearance in metres (NaN when no clearance sensor is fitted).
/// </summary>
public readonly record struct VehicleState(PositionNed PositionNed, VelocityNed VelocityNed, float YawRadians, float MinClearanceMetres = float.NaN);
