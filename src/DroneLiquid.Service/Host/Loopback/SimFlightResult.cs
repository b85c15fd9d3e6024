namespace DroneLiquid.Service.Host.Loopback;

/// <summary>The `fly --sim --json` summary: the flight as the service saw it and as the simulator measured it.</summary>
public sealed record SimFlightResult(
    bool Success,
    string FinalState,
    string Reason,
    double TimeS,
    double DistanceM,
    double ClosestToTargetM,
    double MinClearanceM,
    bool Crash,
    long EnvelopeInterventions,
    IReadOnlyList<string> Failsafes,
    long Ticks,
    long SetpointsSent,
    long DeadlineMisses,
    string Autopilot,
    string World,
    ulong Seed,
    double Speed,
    double WallS,
    string Record);
