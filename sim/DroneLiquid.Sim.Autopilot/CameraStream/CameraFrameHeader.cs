using System.Buffers.Binary;
using System.Numerics;

namespace DroneLiquid.Sim.Autopilot.CameraStream;

/// <summary>
/// The 64-byte header before each frame on the camera stream, all little-endian:
/// offset 0 magic "DLCF"; 4 version (uint16, 1); 6 header length (uint16, 64); 8 sequence (uint32);
/// 12 timestamp (uint64, microseconds of simulated time, or of the bridged autopilot's time); 20 camera body position
/// NED (3 x float32, metres); 32 attitude FRD to NED (4 x float32: w, x, y, z); 48 width and 50 height (uint16, pixels);
/// 52 format (byte, 1 = RGB24, rows top to bottom); 53-55 reserved; 56 payload length (uint32, width * height * 3);
/// 60-63 reserved. The RGB bytes follow.
/// </summary>
public readonly record struct CameraFrameHeader(uint Sequence, ulong TimestampMicroseconds, Vector3 PositionNed, Quaternion AttitudeFrdToNed,
    ushort WidthPixels, ushort HeightPixels, CameraFrameFormat Format)
{
    public const int Length = 64;
    public const ushort Version = 1;
    private const uint Magic = 0x4643_4C44; // "DLCF" read as little-endian

    /// <summary>Bytes of pixel data after the header.</summary>
    public int PayloadLength => WidthPixels * HeightPixels * 3;

    public void Write(Span<byte> destination)
    {
        destination = destination[..Length];
        destination.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(destination, Magic);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[4..], Version);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[6..], Length);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[8..], Sequence);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[12..], TimestampMicroseconds);
        BinaryPrimitives.WriteSingleLittleEndian(destination[20..], PositionNed.X);
        BinaryPrimitives.WriteSingleLittleEndian(destination[24..], PositionNed.Y);
        BinaryPrimitives.WriteSingleLittleEndian(destination[28..], PositionNed.Z);
        BinaryPrimitives.WriteSingleLittleEndian(destination[32..], AttitudeFrdToNed.W);
        BinaryPrimitives.WriteSingleLittleEndian(destination[36..], AttitudeFrdToNed.X);
        BinaryPrimitives.WriteSingleLittleEndian(destination[40..], AttitudeFrdToNed.Y);
        BinaryPrimitives.WriteSingleLittleEndian(destination[44..], AttitudeFrdToNed.Z);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[48..], WidthPixels);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[50..], HeightPixels);
        destination[52] = (byte)Format;
        BinaryPrimitives.WriteUInt32LittleEndian(destination[56..], (uint)PayloadLength);
    }

    /// <summary>Reads a header; false with <paramref name="problem"/> naming the field when the bytes are not one.</summary>
    public static bool TryRead(ReadOnlySpan<byte> source, out CameraFrameHeader header, out string? problem)
    {
        header = default;
        if (source.Length < Length)
        {
            problem = $"header: {source.Length} bytes, expected {Length}";
            return false;
        }

        uint magic = BinaryPrimitives.ReadUInt32LittleEndian(source);
        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(source[4..]);
        ushort length = BinaryPrimitives.ReadUInt16LittleEndian(source[6..]);
        if (magic != Magic || version != Version || length != Length)
        {
            problem = $"header: magic 0x{magic:X8}, version {version}, length {length}; expected 0x{Magic:X8}, {Version}, {Length}";
            return false;
        }

        header = new CameraFrameHeader(
            BinaryPrimitives.ReadUInt32LittleEndian(source[8..]),
            BinaryPrimitives.ReadUInt64LittleEndian(source[12..]),
            new Vector3(BinaryPrimitives.ReadSingleLittleEndian(source[20..]), BinaryPrimitives.ReadSingleLittleEndian(source[24..]), BinaryPrimitives.ReadSingleLittleEndian(source[28..])),
            new Quaternion(BinaryPrimitives.ReadSingleLittleEndian(source[36..]), BinaryPrimitives.ReadSingleLittleEndian(source[40..]),
                BinaryPrimitives.ReadSingleLittleEndian(source[44..]), BinaryPrimitives.ReadSingleLittleEndian(source[32..])),
            BinaryPrimitives.ReadUInt16LittleEndian(source[48..]),
            BinaryPrimitives.ReadUInt16LittleEndian(source[50..]),
            (CameraFrameFormat)source[52]);
        uint payload = BinaryPrimitives.ReadUInt32LittleEndian(source[56..]);
        if (header.Format != CameraFrameFormat.Rgb24 || payload != header.PayloadLength || header.WidthPixels == 0 || header.HeightPixels == 0)
        {
            problem = $"header: format {source[52]}, {header.WidthPixels}x{header.HeightPixels}, payload {payload}; expected format 1 (RGB24) and payload width*height*3";
            header = default;
            return false;
        }

        problem = null;
        return true;
    }
}
