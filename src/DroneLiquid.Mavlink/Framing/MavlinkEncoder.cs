using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DroneLiquid.Mavlink;

/// <summary>
/// Writes frames into a caller's buffer, allocation-free. MAVLink 2 payloads lose their trailing zero
/// bytes (at least one byte stays); MAVLink 1 carries exactly the base fields and refuses ids ≥ 256.
/// Library-set fields (HEARTBEAT.mavlink_version) are forced whatever the caller wrote.
/// A frame is at most <see cref="MavlinkWire.MaxFrameLength"/> bytes: a destination that size always fits.
/// </summary>
[SkipLocalsInit]
public static class MavlinkEncoder
{
    /// <summary>Encodes an unsigned frame; returns the number of bytes written.</summary>
    public static int Encode<T>(Span<byte> destination, in T message, MavlinkHeader header,
        MavlinkVersion version = MavlinkVersion.V2) where T : unmanaged, IMavlinkMessage<T>
    {
        Span<byte> payload = stackalloc byte[MavlinkWire.MaxPayloadLength];
        return EncodeTyped(destination, in message, header, version, payload, null, 0, 0);
    }

    /// <summary>Encodes a signed MAVLink 2 frame with the signer's key, link id and next timestamp.</summary>
    public static int EncodeSigned<T>(Span<byte> destination, in T message, MavlinkHeader header, MavlinkSigner signer)
        where T : unmanaged, IMavlinkMessage<T>
    {
        ArgumentNullException.ThrowIfNull(signer);
        Span<byte> payload = stackalloc byte[MavlinkWire.MaxPayloadLength];
        return EncodeTyped(destination, in message, header, MavlinkVersion.V2, payload, signer.Key, signer.LinkId, signer.NextTimestamp());
    }

    /// <summary>Encodes a signed MAVLink 2 frame with an explicit link id and timestamp (tests, replays of logs).</summary>
    public static int EncodeSigned<T>(Span<byte> destination, in T message, MavlinkHeader header, MavlinkSigningKey key,
        byte linkId, ulong timestamp) where T : unmanaged, IMavlinkMessage<T>
    {
        ArgumentNullException.ThrowIfNull(key);
        Span<byte> payload = stackalloc byte[MavlinkWire.MaxPayloadLength];
        return EncodeTyped(destination, in message, header, MavlinkVersion.V2, payload, key, linkId, timestamp);
    }

    /// <summary>
    /// Encodes from registry metadata and payload bytes in wire order (at most <see cref="MavlinkMessageInfo.MaxLength"/>;
    /// a shorter payload is zero-extended). Optionally signed (<paramref name="key"/> not null, MAVLink 2 only).
    /// </summary>
    public static int Encode(Span<byte> destination, MavlinkMessageInfo info, ReadOnlySpan<byte> payload, MavlinkHeader header,
        MavlinkVersion version = MavlinkVersion.V2, MavlinkSigningKey? key = null, byte linkId = 0, ulong timestamp = 0)
    {
        ArgumentNullException.ThrowIfNull(info);
        if (payload.Length > info.MaxLength)
        {
            throw new ArgumentException(
                $"{info.Name} payload is at most {info.MaxLength} bytes; got {payload.Length}", nameof(payload));
        }
        Span<byte> full = stackalloc byte[MavlinkWire.MaxPayloadLength];
        full = full[..info.MaxLength];
        payload.CopyTo(full);
        full[payload.Length..].Clear();
        foreach (MavlinkFieldInfo field in info.LibraryFields)
        {
            full[field.WireOffset] = field.SetByLibrary!.Value;
        }
        return Frame(destination, full, info.Id, info.CrcExtra, info.MinLength, header, version, key, linkId, timestamp, info.Name);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int EncodeTyped<T>(Span<byte> destination, in T message, MavlinkHeader header, MavlinkVersion version,
        Span<byte> scratch, MavlinkSigningKey? key, byte linkId, ulong timestamp) where T : unmanaged, IMavlinkMessage<T>
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("message structs map onto little-endian wire bytes");
        }
        Span<byte> payload = scratch[..T.MaxLength];
        MemoryMarshal.Write(payload, in message);
        T.ApplyLibraryFields(payload);
        return Frame(destination, payload, T.MessageId, T.CrcExtra, T.MinLength, header, version, key, linkId, timestamp, T.Name);
    }

    private static int Frame(Span<byte> destination, ReadOnlySpan<byte> fullPayload, uint messageId, byte crcExtra, int minLength,
        MavlinkHeader header, MavlinkVersion version, MavlinkSigningKey? key, byte linkId, ulong timestamp, string name)
    {
        int headerLength, length;
        if (version == MavlinkVersion.V2)
        {
            headerLength = MavlinkWire.HeaderLengthV2;
            length = Math.Max(1, fullPayload.LastIndexOfAnyExcept((byte)0) + 1);
        }
        else
        {
            if (version != MavlinkVersion.V1)
            {
                throw new ArgumentOutOfRangeException(nameof(version), version, "MAVLink version is V1 or V2");
            }
            if (messageId > byte.MaxValue)
            {
                ThrowV1Id(name, messageId);
            }
            if (key is not null)
            {
                throw new ArgumentException($"{name}: MAVLink 1 frames cannot be signed", nameof(key));
            }
            headerLength = MavlinkWire.HeaderLengthV1;
            length = minLength;
        }
        int crcOffset = headerLength + length;
        int total = crcOffset + MavlinkWire.ChecksumLength + (key is null ? 0 : MavlinkWire.SignatureLength);
        if (destination.Length < total)
        {
            ThrowTooShort(name, destination.Length, total);
        }
        if (version == MavlinkVersion.V2)
        {
            destination[0] = MavlinkWire.StxV2;
            destination[1] = (byte)length;
            destination[2] = key is null ? (byte)0 : MavlinkWire.IncompatFlagSigned;
            destination[3] = header.CompatFlags;
            destination[4] = header.Sequence;
            destination[5] = header.SystemId;
            destination[6] = header.ComponentId;
            destination[7] = (byte)messageId;
            destination[8] = (byte)(messageId >> 8);
            destination[9] = (byte)(messageId >> 16);
        }
        else
        {
            destination[0] = MavlinkWire.StxV1;
            destination[1] = (byte)length;
            destination[2] = header.Sequence;
            destination[3] = header.SystemId;
            destination[4] = header.ComponentId;
            destination[5] = (byte)messageId;
        }
        fullPayload[..length].CopyTo(destination[headerLength..]);
        ushort crc = X25Crc.Accumulate(crcExtra, X25Crc.Compute(destination[1..crcOffset]));
        BinaryPrimitives.WriteUInt16LittleEndian(destination[crcOffset..], crc);
        if (key is not null)
        {
            int signatureOffset = crcOffset + MavlinkWire.ChecksumLength;
            MavlinkSignature.WriteBlock(key, destination[..signatureOffset], linkId, timestamp,
                destination.Slice(signatureOffset, MavlinkWire.SignatureLength));
        }
        return total;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowV1Id(string name, uint id) =>
        throw new ArgumentException($"{name} (id {id}) cannot be sent as MAVLink 1: its 8-bit id field holds only ids below 256");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowTooShort(string name, int have, int need) =>
        throw new ArgumentException($"{name}: destination holds {have} bytes; the frame needs {need}");
}
