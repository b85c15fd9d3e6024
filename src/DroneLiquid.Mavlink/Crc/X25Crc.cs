namespace DroneLiquid.Mavlink;

/// <summary>
/// The MAVLink checksum, CRC-16/MCRF4XX (MAVLink calls it "X.25"): initial value 0xFFFF, reflected
/// polynomial 0x8408, no final XOR. Table-driven, four bytes per step (slicing-by-4), allocation-free.
/// </summary>
/// <remarks>This file is also compiled into the dialect generator (CRC_EXTRA), so it depends on the BCL only.</remarks>
public static class X25Crc
{
    /// <summary>The value a checksum starts from.</summary>
    public const ushort InitialValue = 0xFFFF;

    private const ushort ReflectedPolynomial = 0x8408;

    // Four 256-entry tables: _table[k * 256 + b] is the CRC contribution of byte b followed by k zero bytes.
    private static readonly ushort[] Table = BuildTable();

    /// <summary>Checksum of <paramref name="data"/>, continuing from <paramref name="crc"/>.</summary>
    public static ushort Compute(ReadOnlySpan<byte> data, ushort crc = InitialValue)
    {
        ReadOnlySpan<ushort> table = Table;
        uint c = crc;
        int i = 0;
        for (; i + 4 <= data.Length; i += 4)
        {
            uint x = c ^ (uint)(data[i] | (data[i + 1] << 8));
            c = (uint)(table[768 + (int)(x & 0xFF)] ^ table[512 + (int)(x >> 8)]
                ^ table[256 + data[i + 2]] ^ table[data[i + 3]]);
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
        var table = new ushort[4 * 256];
        for (int b = 0; b < 256; b++)
        {
            uint c = (uint)b;
            for (int bit = 0; bit < 8; bit++)
            {
                c = (c & 1) != 0 ? (c >> 1) ^ ReflectedPolynomial : c >> 1;
            }
            table[b] = (ushort)c;
        }
        for (int k = 1; k < 4; k++)
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
