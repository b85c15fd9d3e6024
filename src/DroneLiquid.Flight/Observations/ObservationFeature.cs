namespace DroneLiquid.Flight.Observations;

/// <summary>
/// The quantities a policy can observe, named in policy.json by <see cref="ObservationCatalog"/>. "Body" here is
/// the heading frame (forward, right, down rotated by yaw only), the frame body-velocity setpoints use.
/// </summary>
public enum ObservationFeature
{
    GoalBodyForward,
    GoalBodyRight,
    GoalBodyDown,
    GoalDistance,
    VelocityBodyForward,
    VelocityBodyRight,
    VelocityBodyDown,
    VelocityNedNorth,
    VelocityNedEast,
    VelocityNedDown,
    PositionNedNorth,
    PositionNedEast,
    PositionNedDown,
    AltitudeAboveHome,
    Roll,
    Pitch,
    Yaw,
    YawSin,
    YawCos,
    GyroX,
    GyroY,
    GyroZ,
    AccelX,
    AccelY,
    AccelZ,
}
