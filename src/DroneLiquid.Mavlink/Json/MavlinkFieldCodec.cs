using System.Buffers.Binary;

namespace DroneLiquid.Mavlink;

/// <summary>
/// Reads and writes one element of a field in a payload laid out in wire order, driven by
/// <see cref="MavlinkFieldInfo"/>. Bytes beyond the payload read as zero (MAVLink 2 truncation).
/// Integers travel as their 64-bit two's-complement bits, floats as double (exact for float32).
/// </summary>
public static class MavlinkFieldCodec
{
    /// <summary>Integer element as 64 bits (sign-extended for signed types). Not for float/double.</summary>
    public static long ReadInteger(ReadOnlySpan<byte> payload, MavlinkFieldInfo field, int index = 0)
    {
        Span<byte> e = stackalloc byte[8];
        Element(payload, field, index, e);
        return field.Type switch
        {
            MavlinkFieldType.Char or MavlinkFieldType.UInt8 => e[0],
            MavlinkFieldType.Int8 => (sbyte)e[0],
            MavlinkFieldType.UInt16 => BinaryPrimitives.ReadUInt16LittleEndian(e),
            MavlinkFieldType.Int16 => BinaryPrimitives.ReadInt16LittleEndian(e),
            MavlinkFieldType.UInt32 => BinaryPrimitives.ReadUInt32LittleEndian(e),
            MavlinkFieldType.Int32 => BinaryPrimitives.ReadInt32LittleEndian(e),
            MavlinkFieldType.UInt64 or MavlinkFieldType.Int64 => BinaryPrimitives.ReadInt64LittleEndian(e),
            _ => throw new ArgumentException($"field {field.Name} is {field.Type}, not an integer", nameof(field)),
        };
    }

    /// <summary>Float or double element, widened to double (exact).</summary>
    public static double ReadFloatingPoint(ReadOnlySpan<byte> payload, MavlinkFieldInfo field, int index = 0)
    {
        Span<byte> e = stackalloc byte[8];
        Element(payload, field, index, e);
        return field.Type switch
        {
            MavlinkFieldType.Float => BinaryPrimitives.ReadSingleLittleEndian(e),
            MavlinkFieldType.Double => BinaryPrimitives.ReadDoubleLittleEndian(e),
            _ => throw new ArgumentException($"field {field.Name} is {field.Type}, not floating point", nameof(field)),
        };
    }

    /// <summary>Writes an integer element; throws when <paramref name="value"/> is outside the type's range.</summary>
    public static void WriteInteger(Span<byte> payload, MavlinkFieldInfo field, int index, long value, bool unsignedBits = false)
    {
        Span<byte> target = ElementSlot(payload, field, index);
        (long min, long max) = field.Type switch
        {
            MavlinkFieldType.Char or MavlinkFieldType.UInt8 => (0L, byte.MaxValue),
            MavlinkFieldType.Int8 => (sbyte.MinValue, sbyte.MaxValue),
            MavlinkFieldType.UInt16 => (0L, ushort.MaxValue),
            MavlinkFieldType.Int16 => (short.MinValue, short.MaxValue),
            MavlinkFieldType.UInt32 => (0L, uint.MaxValue),
            MavlinkFieldType.Int32 => (int.MinValue, int.MaxValue),
            MavlinkFieldType.UInt64 or MavlinkFieldType.Int64 => (long.MinValue, long.MaxValue),
            _ => throw new ArgumentException($"field {field.Name} is {field.Type}, not an integer", nameof(field)),
        };
        if (!unsignedBits && (value < min || value > max))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value,
                $"field {field.Name} ({field.Type}) holds {min}..{max}");
        }
        switch (field.ElementSize)
        {
            case 1: target[0] = (byte)value; break;
            case 2: BinaryPrimitives.WriteUInt16LittleEndian(target, (ushort)value); break;
            case 4: BinaryPrimitives.WriteUInt32LittleEndian(target, (uint)value); break;
            default: BinaryPrimitives.WriteInt64LittleEndian(target, value); break;
        }
    }

    /// <summary>Writes a float (rounded to float32) or double element.</summary>
    public static void WriteFloatingPoint(Span<byte> payload, MavlinkFieldInfo field, int index, double value)
    {
        Span<byte> target = ElementSlot(payload, field, index);
        switch (field.Type)
        {
            case MavlinkFieldType.Float: BinaryPrimitives.WriteSingleLittleEndian(target, (float)value); break;
            case MavlinkFieldType.Double: BinaryPrimitives.WriteDoubleLittleEndian(target, value); break;
            default: throw new ArgumentException($"field {field.Name} is {field.Type}, not floating point", nameof(field));
        }
    }

    /// <summary>The bytes of a char[N] field up to the payload's end (shorter than N when truncated).</summary>
    public static ReadOnlySpan<byte> TextBytes(ReadOnlySpan<byte> payload, MavlinkFieldInfo field)
    {
        if (field.WireOffset >= payload.Length)
        {
            return [];
        }
        ReadOnlySpan<byte> bytes = payload.Slice(field.WireOffset, Math.Min(field.WireSize, payload.Length - field.WireOffset));
        return bytes[..MavlinkText.GetLength(bytes)];
    }

    private static void Element(ReadOnlySpan<byte> payload, MavlinkFieldInfo field, int index, Span<byte> element)
    {
        CheckIndex(field, index);
        int size = field.ElementSize;
        int offset = field.WireOffset + index * size;
        element.Clear();
        if (offset < payload.Length)
        {
            payload.Slice(offset, Math.Min(size, payload.Length - offset)).CopyTo(element);
        }
    }

    private static Span<byte> ElementSlot(Span<byte> payload, MavlinkFieldInfo field, int index)
    {
        CheckIndex(field, index);
        int offset = field.WireOffset + index * field.ElementSize;
        if (offset + field.ElementSize > payload.Length)
        {
            throw new ArgumentException(
                $"field {field.Name}[{index}] ends at byte {offset + field.ElementSize}; the payload buffer has {payload.Length}", nameof(payload));
        }
        return payload.Slice(offset, field.ElementSize);
    }

    private static void CheckIndex(MavlinkFieldInfo field, int index)
    {
        if ((uint)index >= (uint)field.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"field {field.Name} has {field.Count} element(s)");
        }
    }
}
