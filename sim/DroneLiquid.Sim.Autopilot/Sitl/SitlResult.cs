using DroneLiquid.Sim.Records;

namespace DroneLiquid.Sim.Autopilot.Sitl;

/// <summary>The end of a SITL session: the flight summary, how fast it ran, and what went over the links.</summary>
public sealed record SitlResult(
    string Autopilot,
    FlightSummary Flight,
    double SimSeconds,
    double WallSeconds,
    double SpeedUp,
    long MavlinkFramesSent,
    long SetpointsAccepted,
    long SetpointsRejected,
    long CameraFrames);
