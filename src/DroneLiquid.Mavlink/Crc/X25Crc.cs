using System.Buffers.Binary;

namespace DroneLiquid.Mavlink;

/// <summary>
/// The MAVLink checksum, CRC-16/MCRF4XX (MAVLink calls it "X.25"): initial value 0xFFFF, reflected
/// polynomial 0x8408, no final XOR. Table-driven, eight bytes per step (slicing-by-8), allocation-free.
/// </summary>
/// <remarks>This file is also compiled into the dialect generator (CRC_EXTRA), so it depends on the BCL only.</remarks>
public static class X25Crc
{
    /// <summary>The value a checksum starts from.</summary>
    public const ushort InitialValue = 0xFFFF;

    private const ushort ReflectedPolynomial = 0x8408;

    private const int Slices = 8;

    // Eight 256-entry tables: Table[k * 256 + b] is the CRC contribution of byte b followed by k zero bytes.
    private static readonly ushort[] Table = BuildTable();

    /// <summary>Checksum of <paramref name="data"/>, continuing from <paramref name="crc"/>.</summary>
    public static ushort Compute(ReadOnlySpan<byte> data, ushort crc = InitialValue)
    {
        ReadOnlySpan<ushort> table = Table;
        uint c = crc;
        int i = 0;
        for (; i + Slices <= data.Length; i += Slices)
        {
            ulong block = BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(i, Slices));
            uint x = c ^ (uint)(block & 0xFFFF);
            c = (uint)(table[7 * 256 + (int)(x & 0xFF)] ^ table[6 * 256 + (int)(x >> 8)]
                ^ table[5 * 256 + (int)((block >> 16) & 0xFF)] ^ table[4 * 256 + (int)((block >> 24) & 0xFF)]
                ^ table[3 * 256 + (int)((block >> 32) & 0xFF)] ^ table[2 * 256 + (int)((block >> 40) & 0xFF)]
                ^ table[256 + (int)((block >> 48) & 0xFF)] ^ table[(int)(block >> 56)]);
        }
        for (; i < data.Length; i++)
        {
            c = (c >> 8) ^ table[(int)((c ^ data[i]) & 0xFF)];
        }
        return (ushort)c;
    }

    /// <summary>Folds one byte into <paramref name="crc"/> (used for CRC_EXTRA).</summary>
    public static ushort Accumulate(byte value, ushort crc)
    {
        uint t = (uint)(value ^ (crc & 0xFF));
        t = (t ^ (t << 4)) & 0xFF;
        return (ushort)((crc >> 8) ^ (t << 8) ^ (t << 3) ^ (t >> 4));
    }

    private static ushort[] BuildTable()
    {
        var table = new ushort[Slices * 256];
        for (int b = 0; b < 256; b++)
        {
            uint c = (uint)b;
            for (int bit = 0; bit < 8; bit++)
            {
                c = (c & 1) != 0 ? (c >> 1) ^ ReflectedPolynomial : c >> 1;
            }
            table[b] = (ushort)c;
        }
        for (int k = 1; k < Slices; k++)
        {
            for (int b = 0; b < 256; b++)
            {
                ushort prev = table[(k - 1) * 256 + b];
                table[k * 256 + b] = (ushort)((prev >> 8) ^ table[prev & 0xFF]);
            }
        }
        return table;
    }
}
