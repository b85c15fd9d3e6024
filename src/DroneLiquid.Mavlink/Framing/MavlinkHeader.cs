namespace DroneLiquid.Mavlink;

/// <summary>The sender fields of an outgoing frame. Compat flags are MAVLink 2 only; incompat flags follow from signing.</summary>
public readonly record struct MavlinkHeader(byte SystemId, byte ComponentId, byte Sequence, byte CompatFlags = 0);
