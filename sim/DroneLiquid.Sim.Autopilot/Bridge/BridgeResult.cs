namespace DroneLiquid.Sim.Autopilot.Bridge;

/// <summary>The end of a bridge session: poses followed, frames served, and the collisions seen in the rendered world.</summary>
public sealed record BridgeResult(
    string Autopilot,
    double WallSeconds,
    long PoseUpdates,
    long CameraFrames,
    bool Collided,
    string? CollisionDetail,
    double? MinClearanceM);
