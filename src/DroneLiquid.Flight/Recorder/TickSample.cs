using DroneLiquid.Flight.Envelope;
using DroneLiquid.Flight.Failsafe;
using DroneLiquid.Flight.Frames;
using DroneLiquid.Flight.Policies;

namespace DroneLiquid.Flight.Recorder;

/// <summary>
/// The fixed part of one tick's record: wall-clock time (µs since the Unix epoch, UTC), the elapsed time fed to the
/// policy step (s), the commanded setpoint (NED m/s, rad/s), the envelope's interventions, the state, the action,
/// and the outcome of the policy step on this tick (null when the policy was not stepped). Replay steps the policy
/// exactly on the ticks whose <paramref name="Step"/> is not null, with <paramref name="ElapsedSeconds"/>.
/// </summary>
public readonly record struct TickSample(
    long TimestampMicroseconds,
    float ElapsedSeconds,
    VelocityNed CommandNed,
    float CommandYawRateRadiansPerSecond,
    EnvelopeInterventions Interventions,
    FlightState State,
    FailsafeAction Action,
    PolicyStepStatus? Step = null);
