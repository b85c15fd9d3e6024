using DroneLiquid.Flight.Failsafe;

namespace DroneLiquid.Flight.Control;

/// <summary>
/// How a flight ended. <see cref="Success"/> is true only when the target was reached and the vehicle landed.
/// <see cref="Transitions"/> holds every state change with its reason; <see cref="Failsafes"/> those a failsafe
/// trigger caused (mission done included: it is the trigger that lands).
/// </summary>
public sealed record FlightOutcome(
    FlightState FinalState,
    bool Success,
    TimeSpan Duration,
    float DistanceFlownMetres,
    float ClosestToTargetMetres,
    long EnvelopeInterventions,
    long Ticks,
    long SetpointsSent,
    long DeadlineMisses,
    IReadOnlyList<FailsafeTransition> Transitions,
    string Reason)
{
    /// <summary>The transitions a failsafe trigger caused.</summary>
    public IReadOnlyList<FailsafeTransition> Failsafes => [.. Transitions.Where(t => t.Kind == TransitionKind.Failsafe)];
}
