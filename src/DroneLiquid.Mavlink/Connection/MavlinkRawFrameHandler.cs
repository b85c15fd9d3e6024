
namespace DroneLiquid.Mavlink.Connection;

/// <summary>
/// Receives every frame the parser yields, whatever its verdict (routing, logging, diagnostics), on the receive
/// loop's thread. The frame is valid only during the call.
/// </summary>
public delegate void MavlinkRawFrameHandler(in MavlinkFrame frame, MavlinkFrameVerdict verdict);
