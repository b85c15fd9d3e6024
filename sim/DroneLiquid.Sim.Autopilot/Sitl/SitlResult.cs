using DroneLiquid.Sim.Records;

namespace DroneLiquid.Sim.Autopilot.Sitl;

/// <summary>
/// The end of a SITL session: the flight summary, how fast it ran, what went over the links, and the stalls after
/// which simulated time paused (<see cref="SitlOptions.MaxCatchUpSeconds"/>) with the wall seconds it stood still.
/// </summary>
public sealed record SitlResult(
    string Autopilot,
    FlightSummary Flight,
    double SimSeconds,
    double WallSeconds,
    double SpeedUp,
    long MavlinkFramesSent,
    long SetpointsAccepted,
    long SetpointsRejected,
    long CameraFrames,
    int Stalls,
    double PausedSeconds);
