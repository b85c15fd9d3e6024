using DroneLiquid.Flight.Envelope;
using DroneLiquid.Flight.Failsafe;
using DroneLiquid.Flight.Frames;

namespace DroneLiquid.Flight.Recorder;

/// <summary>
/// The fixed part of one tick's record: wall-clock time (µs since the Unix epoch, UTC), the elapsed time fed to the
/// policy step (s), the commanded setpoint (NED m/s, rad/s), the envelope's interventions, the state and the action.
/// </summary>
public readonly record struct TickSample(
    long TimestampMicroseconds,
    float ElapsedSeconds,
    VelocityNed CommandNed,
    float CommandYawRateRadiansPerSecond,
    EnvelopeInterventions Interventions,
    FlightState State,
    FailsafeAction Action);
