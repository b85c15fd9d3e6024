using System.Buffers.Binary;

namespace DroneLiquid.Mavlink.Tlog;

/// <summary>
/// The .tlog record layout (QGroundControl, MAVProxy, MAVExplorer): an 8-byte big-endian unsigned timestamp in
/// microseconds since the Unix epoch, then one whole MAVLink frame whose length comes from its own header:
/// v1 <c>8 + len</c>, v2 <c>12 + len</c>, plus 13 when <c>incompat_flags &amp; 0x01</c> (signed).
/// </summary>
public static class TlogFormat
{
    /// <summary>Bytes of the timestamp before each frame.</summary>
    public const int TimestampLength = 8;

    /// <summary>Longest MAVLink frame: 10 header + 255 payload + 2 checksum + 13 signature.</summary>
    public const int MaxFrameLength = 280;

    /// <summary>Longest record.</summary>
    public const int MaxRecordLength = TimestampLength + MaxFrameLength;

    /// <summary>Header bytes needed to know a frame's length (magic, len and, for v2, incompat_flags).</summary>
    public const int LengthPrefixLength = 3;

    internal const byte MagicV1 = 0xFE;
    internal const byte MagicV2 = 0xFD;
    internal const byte IncompatSigned = 0x01;

    /// <summary>
    /// Reads the frame length from the first bytes of a frame. Returns false when the bytes cannot start a frame
    /// (no magic byte, or a v2 incompat flag other than signed) or fewer than <see cref="LengthPrefixLength"/>
    /// bytes are given.
    /// </summary>
    public static bool TryGetFrameLength(ReadOnlySpan<byte> frameStart, out int frameLength)
    {
        frameLength = 0;
        if (frameStart.Length < LengthPrefixLength)
        {
            return false;
        }

        int payloadLength = frameStart[1];
        switch (frameStart[0])
        {
            case MagicV1:
                frameLength = 8 + payloadLength;
                return true;
            case MagicV2 when (frameStart[2] & ~IncompatSigned) == 0:
                frameLength = 12 + payloadLength + ((frameStart[2] & IncompatSigned) != 0 ? 13 : 0);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Reads a record's big-endian timestamp.</summary>
    public static ulong ReadTimestamp(ReadOnlySpan<byte> record) => BinaryPrimitives.ReadUInt64BigEndian(record);

    /// <summary>Writes a record's big-endian timestamp.</summary>
    public static void WriteTimestamp(Span<byte> record, ulong timestampMicroseconds) =>
        BinaryPrimitives.WriteUInt64BigEndian(record, timestampMicroseconds);

    /// <summary>Microseconds since the Unix epoch of <paramref name="time"/>, as written in tlog records.</summary>
    public static ulong ToUnixMicroseconds(DateTimeOffset time) =>
        (ulong)((time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond);
}
