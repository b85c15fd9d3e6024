namespace DroneLiquid.Mavlink;

/// <summary>
/// Receives frames from <see cref="MavlinkParser"/>. Used as a constrained generic (struct or class), so the
/// call is devirtualised. <paramref name="frame"/> views the parser's or the caller's buffer: copy what you keep.
/// </summary>
public interface IMavlinkFrameHandler
{
    void OnFrame(in MavlinkFrame frame, MavlinkFrameVerdict verdict);
}
