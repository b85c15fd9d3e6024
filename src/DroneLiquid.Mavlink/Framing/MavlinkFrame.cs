using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DroneLiquid.Mavlink;

/// <summary>
/// A view over one frame's bytes (MAVLink 1 or 2, signed or not) as received. It owns nothing: the span
/// handed to a frame handler is valid only during the call. Decode typed messages with <see cref="TryDecode{T}"/>.
/// </summary>
public readonly ref struct MavlinkFrame
{
    private readonly ReadOnlySpan<byte> _bytes;

    /// <summary>Wraps bytes that start with a start byte and hold at least the header; no checksum check.</summary>
    internal MavlinkFrame(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>
    /// Wraps a complete frame (from a log or a socket datagram) without checking its checksum: true when
    /// <paramref name="bytes"/> starts with a start byte and holds the whole frame; <paramref name="length"/>
    /// is the frame's length (bytes after it are not part of it).
    /// </summary>
    public static bool TryWrap(ReadOnlySpan<byte> bytes, out MavlinkFrame frame, out int length)
    {
        frame = default;
        length = 0;
        if (bytes.Length < 2)
        {
            return false;
        }
        int need = bytes[0] switch
        {
            MavlinkWire.StxV2 when bytes.Length >= 3 => MavlinkWire.HeaderLengthV2 + bytes[1] + MavlinkWire.ChecksumLength
                + ((bytes[2] & MavlinkWire.IncompatFlagSigned) != 0 ? MavlinkWire.SignatureLength : 0),
            MavlinkWire.StxV1 => MavlinkWire.HeaderLengthV1 + bytes[1] + MavlinkWire.ChecksumLength,
            _ => int.MaxValue,
        };
        if (need > bytes.Length)
        {
            return false;
        }
        frame = new MavlinkFrame(bytes[..need]);
        length = need;
        return true;
    }

    /// <summary>The frame as received, start byte to last checksum or signature byte.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    public MavlinkVersion Version => _bytes[0] == MavlinkWire.StxV2 ? MavlinkVersion.V2 : MavlinkVersion.V1;

    private int HeaderLength => _bytes[0] == MavlinkWire.StxV2 ? MavlinkWire.HeaderLengthV2 : MavlinkWire.HeaderLengthV1;

    /// <summary>The len byte: payload bytes on the wire (after MAVLink 2 truncation).</summary>
    public int PayloadLength => _bytes[1];

    public byte IncompatFlags => Version == MavlinkVersion.V2 ? _bytes[2] : (byte)0;

    public byte CompatFlags => Version == MavlinkVersion.V2 ? _bytes[3] : (byte)0;

    public byte Sequence => Version == MavlinkVersion.V2 ? _bytes[4] : _bytes[2];

    public byte SystemId => Version == MavlinkVersion.V2 ? _bytes[5] : _bytes[3];

    public byte ComponentId => Version == MavlinkVersion.V2 ? _bytes[6] : _bytes[4];

    public uint MessageId => Version == MavlinkVersion.V2
        ? (uint)(_bytes[7] | (_bytes[8] << 8) | (_bytes[9] << 16))
        : _bytes[5];

    /// <summary>Payload bytes as sent (possibly truncated: missing tail bytes read as zero).</summary>
    public ReadOnlySpan<byte> Payload => _bytes.Slice(HeaderLength, PayloadLength);

    public ushort Checksum => BinaryPrimitives.ReadUInt16LittleEndian(_bytes.Slice(HeaderLength + PayloadLength, 2));

    /// <summary>The incompat flag says a signature follows the checksum.</summary>
    public bool IsSigned => (IncompatFlags & MavlinkWire.IncompatFlagSigned) != 0;

    /// <summary>True when the 13 signature bytes are part of <see cref="Bytes"/> (not for a frame rejected at its checksum).</summary>
    public bool HasSignatureBytes =>
        IsSigned && _bytes.Length >= HeaderLength + PayloadLength + MavlinkWire.ChecksumLength + MavlinkWire.SignatureLength;

    private ReadOnlySpan<byte> SignatureBlock => HasSignatureBytes
        ? _bytes.Slice(HeaderLength + PayloadLength + MavlinkWire.ChecksumLength, MavlinkWire.SignatureLength)
        : [];

    /// <summary>Signing link id, or 0 when there is no signature.</summary>
    public byte LinkId => HasSignatureBytes ? SignatureBlock[0] : (byte)0;

    /// <summary>Signing timestamp (10 µs units since 2015-01-01), or 0 when there is no signature.</summary>
    public ulong SignatureTimestamp
    {
        get
        {
            if (!HasSignatureBytes)
            {
                return 0;
            }
            ReadOnlySpan<byte> t = SignatureBlock.Slice(1, 6);
            return BinaryPrimitives.ReadUInt32LittleEndian(t) | ((ulong)BinaryPrimitives.ReadUInt16LittleEndian(t[4..]) << 32);
        }
    }

    /// <summary>The 6 signature bytes, or empty.</summary>
    public ReadOnlySpan<byte> Signature => HasSignatureBytes ? SignatureBlock[7..] : [];

    /// <summary>
    /// Decodes the payload into <typeparamref name="T"/>, zero-filling a truncated tail and ignoring bytes
    /// beyond the message's maximum length. False if the frame carries another message id.
    /// </summary>
    public bool TryDecode<T>(out T message) where T : unmanaged, IMavlinkMessage<T>
    {
        message = default;
        if (MessageId != T.MessageId)
        {
            return false;
        }
        Span<byte> destination = MemoryMarshal.AsBytes(new Span<T>(ref message));
        ReadOnlySpan<byte> payload = Payload;
        payload[..Math.Min(payload.Length, destination.Length)].CopyTo(destination);
        return true;
    }

    /// <summary>
    /// True when the checksum matches with the dialect's CRC_EXTRA for this id (e.g. for frames read from a
    /// log). False for a wrong checksum and for ids the dialect does not know. Signatures are not checked here.
    /// </summary>
    public bool HasValidChecksum(MavlinkDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        if (!dialect.TryGetCrcExtra(MessageId, out byte crcExtra))
        {
            return false;
        }
        int crcOffset = ChecksumOffset(_bytes);
        ushort crc = X25Crc.Accumulate(crcExtra, X25Crc.Compute(_bytes[1..crcOffset]));
        return crc == Checksum;
    }

    /// <summary>Copies the payload zero-extended to <paramref name="fullLength"/> bytes (e.g. the message's maximum length).</summary>
    public void CopyPayloadTo(Span<byte> destination, int fullLength)
    {
        Span<byte> target = destination[..fullLength];
        ReadOnlySpan<byte> payload = Payload;
        int n = Math.Min(payload.Length, fullLength);
        payload[..n].CopyTo(target);
        target[n..].Clear();
    }

    public override string ToString() =>
        $"MAVLink {(int)Version} msgid {MessageId} {SystemId}/{ComponentId} seq {Sequence} len {PayloadLength}{(IsSigned ? " signed" : "")}";

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int ChecksumOffset(ReadOnlySpan<byte> frame) =>
        (frame[0] == MavlinkWire.StxV2 ? MavlinkWire.HeaderLengthV2 : MavlinkWire.HeaderLengthV1) + frame[1];
}
