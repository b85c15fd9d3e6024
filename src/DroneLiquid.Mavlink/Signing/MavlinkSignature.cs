using System.Buffers.Binary;
using System.Security.Cryptography;

namespace DroneLiquid.Mavlink;

/// <summary>
/// The MAVLink 2 signature: first 6 bytes of SHA-256(key ‖ header ‖ payload ‖ checksum ‖ link id ‖ timestamp).
/// The hashed bytes are assembled on the stack, so computing one allocates nothing.
/// </summary>
public static class MavlinkSignature
{
    public const int Length = 6;

    /// <summary>
    /// Computes the signature of <paramref name="frameUpToChecksum"/> (start byte through checksum, with the
    /// signed incompat flag already set) into <paramref name="destination"/> (6 bytes).
    /// </summary>
    public static void Compute(MavlinkSigningKey key, ReadOnlySpan<byte> frameUpToChecksum, byte linkId, ulong timestamp,
        Span<byte> destination)
    {
        Span<byte> input = stackalloc byte[MavlinkSigningKey.Length + MavlinkWire.HeaderLengthV2 + MavlinkWire.MaxPayloadLength
            + MavlinkWire.ChecksumLength + 7];
        key.Secret.CopyTo(input);
        int n = MavlinkSigningKey.Length;
        frameUpToChecksum.CopyTo(input[n..]);
        n += frameUpToChecksum.Length;
        input[n++] = linkId;
        WriteTimestamp(input.Slice(n, 6), timestamp);
        n += 6;
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(input[..n], hash);
        hash[..Length].CopyTo(destination);
        input.Clear();
    }

    /// <summary>
    /// Writes the 13-byte signature block (link id, timestamp, signature) after the checksum of the
    /// MAVLink 2 frame <paramref name="frameUpToChecksum"/>, into <paramref name="block"/>.
    /// </summary>
    public static void WriteBlock(MavlinkSigningKey key, ReadOnlySpan<byte> frameUpToChecksum, byte linkId, ulong timestamp,
        Span<byte> block)
    {
        block[0] = linkId;
        WriteTimestamp(block.Slice(1, 6), timestamp);
        Compute(key, frameUpToChecksum, linkId, timestamp, block.Slice(7, Length));
    }

    /// <summary>True when a signed frame's 6 signature bytes match the key (no replay or freshness rules).</summary>
    public static bool Verify(MavlinkSigningKey key, in MavlinkFrame frame)
    {
        if (!frame.HasSignatureBytes)
        {
            return false;
        }
        ReadOnlySpan<byte> bytes = frame.Bytes;
        int upToChecksum = bytes.Length - MavlinkWire.SignatureLength;
        Span<byte> expected = stackalloc byte[Length];
        Compute(key, bytes[..upToChecksum], frame.LinkId, frame.SignatureTimestamp, expected);
        return CryptographicOperations.FixedTimeEquals(expected, frame.Signature);
    }

    private static void WriteTimestamp(Span<byte> destination, ulong timestamp)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(destination, (uint)timestamp);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[4..], (ushort)(timestamp >> 32));
    }
}
