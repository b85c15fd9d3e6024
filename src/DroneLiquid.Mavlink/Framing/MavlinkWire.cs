namespace DroneLiquid.Mavlink;

/// <summary>Frame layout constants (see the vectors README: wire format).</summary>
public static class MavlinkWire
{
    public const byte StxV1 = 0xFE;
    public const byte StxV2 = 0xFD;

    /// <summary>Incompat flag: a 13-byte signature follows the checksum.</summary>
    public const byte IncompatFlagSigned = 0x01;

    public const int HeaderLengthV1 = 6;
    public const int HeaderLengthV2 = 10;
    public const int ChecksumLength = 2;
    public const int SignatureLength = 13;
    public const int MaxPayloadLength = 255;

    /// <summary>Longest possible frame: signed MAVLink 2 with a 255-byte payload (280 bytes).</summary>
    public const int MaxFrameLength = HeaderLengthV2 + MaxPayloadLength + ChecksumLength + SignatureLength;
}
