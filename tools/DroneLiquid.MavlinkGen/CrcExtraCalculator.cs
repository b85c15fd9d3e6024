using System.Text;
using DroneLiquid.Mavlink;

namespace DroneLiquid.MavlinkGen;

/// <summary>
/// CRC_EXTRA as the MAVLink spec defines it: X.25 over "NAME ", then for each base (non-extension) field
/// in wire order "type " (element type, e.g. "char" for char[16]), "name " and, for arrays, the length
/// byte; the 16-bit result is folded to one byte as low XOR high.
/// </summary>
internal static class CrcExtraCalculator
{
    public static byte Compute(MessageDef message)
    {
        ushort crc = Accumulate(X25Crc.InitialValue, message.Name + " ");
        foreach (FieldDef field in message.WireOrder.Where(f => !f.IsExtension))
        {
            crc = Accumulate(crc, field.BaseType + " ");
            crc = Accumulate(crc, field.Name + " ");
            if (field.ArrayLength > 0)
            {
                crc = X25Crc.Accumulate((byte)field.ArrayLength, crc);
            }
        }
        return (byte)((crc & 0xFF) ^ (crc >> 8));
    }

    private static ushort Accumulate(ushort crc, string text) => X25Crc.Compute(Encoding.ASCII.GetBytes(text), crc);
}
