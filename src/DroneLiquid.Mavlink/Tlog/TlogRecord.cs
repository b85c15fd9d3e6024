namespace DroneLiquid.Mavlink.Tlog;

/// <summary>One record read from a .tlog; <see cref="Frame"/> is valid until the reader moves on.</summary>
public readonly ref struct TlogRecord
{
    /// <summary>Creates a record view.</summary>
    public TlogRecord(long offset, ulong timestampMicroseconds, ReadOnlySpan<byte> frame)
    {
        Offset = offset;
        TimestampMicroseconds = timestampMicroseconds;
        Frame = frame;
    }

    /// <summary>Byte offset of the record (its timestamp) in the file.</summary>
    public long Offset { get; }

    /// <summary>When the frame was logged, in microseconds since the Unix epoch.</summary>
    public ulong TimestampMicroseconds { get; }

    /// <summary>The whole MAVLink frame, from the magic byte to the checksum or signature.</summary>
    public ReadOnlySpan<byte> Frame { get; }
}
