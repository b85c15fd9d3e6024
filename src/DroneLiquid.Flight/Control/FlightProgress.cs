using DroneLiquid.Flight.Failsafe;

namespace DroneLiquid.Flight.Control;

/// <summary>
/// A progress report for the `fly` progress line (about twice a second): the state, the horizontal distance to
/// the target (m), the horizontal speed (m/s), the height above the origin (m) and the time since the run began.
/// </summary>
public readonly record struct FlightProgress(
    FlightState State,
    float DistanceToTargetMetres,
    float SpeedMetresPerSecond,
    float AltitudeMetres,
    TimeSpan Elapsed);
