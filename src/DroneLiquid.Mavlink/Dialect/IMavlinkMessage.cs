namespace DroneLiquid.Mavlink;

/// <summary>
/// A generated MAVLink message struct. The struct is packed in wire order, so its bytes are exactly the
/// untruncated payload (<see cref="MaxLength"/> bytes, little-endian). Static members let the encoder and
/// decoder work on any message without boxing or virtual calls.
/// </summary>
public interface IMavlinkMessage<TSelf> where TSelf : unmanaged, IMavlinkMessage<TSelf>
{
    /// <summary>Message id (24 bits).</summary>
    static abstract uint MessageId { get; }

    /// <summary>CRC_EXTRA, the seed byte folded into the checksum.</summary>
    static abstract byte CrcExtra { get; }

    /// <summary>Payload length without extension fields (the MAVLink 1 payload length).</summary>
    static abstract int MinLength { get; }

    /// <summary>Payload length with extension fields (the size of the struct).</summary>
    static abstract int MaxLength { get; }

    /// <summary>Message name as in the XML.</summary>
    static abstract string Name { get; }

    /// <summary>Overwrites fields the library sets whatever the caller wrote (HEARTBEAT.mavlink_version).</summary>
    static virtual void ApplyLibraryFields(Span<byte> payload)
    {
    }
}
