using DroneLiquid.Flight.Frames;

namespace DroneLiquid.Flight.Envelope;

/// <summary>
/// The safe setpoint for one tick: velocity NED (m/s) and yaw rate (rad/s), with the limits that changed it and the
/// requested values before the envelope (converted to NED) for the record.
/// </summary>
public readonly record struct EnvelopeOutput(
    VelocityNed VelocityNed,
    float YawRateRadiansPerSecond,
    EnvelopeInterventions Interventions,
    VelocityNed RequestedVelocityNed,
    float RequestedYawRateRadiansPerSecond)
{
    /// <summary>True when any limit changed the command.</summary>
    public bool Intervened => Interventions != EnvelopeInterventions.None;
}
