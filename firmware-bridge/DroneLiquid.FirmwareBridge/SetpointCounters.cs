namespace DroneLiquid.FirmwareBridge;

/// <summary>What became of the setpoints: the caller's (<see cref="IAutopilot.SendVelocity"/>) and the adapter's own zero-velocity ones.</summary>
/// <param name="Sent">Caller's setpoints put on the link.</param>
/// <param name="NotInControl">Caller's setpoints refused because velocity control was not active.</param>
/// <param name="Rejected">Caller's setpoints refused for a non-finite field.</param>
/// <param name="LinkErrors">Caller's setpoints the transport refused (or failed later, for a send that completed late).</param>
/// <param name="AdapterSetpoints">Zero-velocity setpoints the adapter sent itself: PX4's offboard entry stream, ArduPilot's one explicit stop before BRAKE.</param>
public readonly record struct SetpointCounters(long Sent, long NotInControl, long Rejected, long LinkErrors, long AdapterSetpoints);
