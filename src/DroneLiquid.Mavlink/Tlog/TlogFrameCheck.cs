namespace DroneLiquid.Mavlink.Tlog;

/// <summary>
/// Says whether <paramref name="frame"/> is a real frame (typically: its checksum is right for its message).
/// The reader asks it when a record does not line up with the next one, and while it searches garbage for the
/// next record, so that a chance 0xFD in the garbage is not taken for a frame.
/// </summary>
public delegate bool TlogFrameCheck(ReadOnlySpan<byte> frame);
