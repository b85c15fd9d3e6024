namespace DroneLiquid.Mavlink.Tlog;

/// <summary>Ready-made <see cref="TlogFrameCheck"/>s.</summary>
public static class TlogFrameChecks
{
    /// <summary>
    /// True when the frame's id is in <paramref name="dialect"/> and its checksum (with CRC_EXTRA) is right: the
    /// check that keeps a chance 0xFD/0xFE in garbage from being taken for a record.
    /// </summary>
    public static TlogFrameCheck ChecksumIn(MavlinkDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        return frame =>
        {
            if (!MavlinkFrame.TryWrap(frame, out MavlinkFrame wrapped, out int length) || length != frame.Length
                || !dialect.TryGetCrcExtra(wrapped.MessageId, out byte crcExtra))
            {
                return false;
            }

            int crcOffset = (frame[0] == MavlinkWire.StxV2 ? MavlinkWire.HeaderLengthV2 : MavlinkWire.HeaderLengthV1) + wrapped.PayloadLength;
            ushort crc = X25Crc.Accumulate(crcExtra, X25Crc.Compute(frame[1..crcOffset]));
            return wrapped.Checksum == crc;
        };
    }
}
