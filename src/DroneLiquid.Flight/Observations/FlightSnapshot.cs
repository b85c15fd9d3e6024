using DroneLiquid.Flight.Frames;

namespace DroneLiquid.Flight.Observations;

/// <summary>
/// Everything a policy may observe at one instant, from the latest sample of each source: position and goal
/// relative to home (NED, m), velocity (NED, m/s), attitude (rad; yaw 0 = north, positive clockwise from
/// above), body rates (FRD, rad/s) and specific force (FRD, m/s², about -9.81 on z when level and still).
/// The flight tick fills it from autopilot telemetry; training and evaluation fill it from the simulator, so
/// the features a policy learns from are computed by the same code that feeds it in the air.
/// </summary>
public readonly record struct FlightSnapshot(
    PositionNed PositionNed,
    VelocityNed VelocityNed,
    float RollRadians,
    float PitchRadians,
    float YawRadians,
    float GyroXRadiansPerSecond,
    float GyroYRadiansPerSecond,
    float GyroZRadiansPerSecond,
    float AccelXMetresPerSecondSquared,
    float AccelYMetresPerSecondSquared,
    float AccelZMetresPerSecondSquared,
    PositionNed GoalNed);
