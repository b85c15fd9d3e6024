using DroneLiquid.Mavlink.Messages;

namespace DroneLiquid.FirmwareBridge;

/// <summary>A human-readable message from the autopilot (a pre-arm failure, a failsafe, a mode refusal).</summary>
/// <param name="Timestamp"><see cref="TimeProvider.GetTimestamp"/> at arrival.</param>
/// <param name="EventId">The PX4 event id, or 0 for STATUSTEXT.</param>
public sealed record AutopilotNotice(long Timestamp, MavSeverity Severity, NoticeSource Source, string Text, uint EventId = 0);
