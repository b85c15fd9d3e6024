using DroneLiquid.Mavlink.Messages;

namespace DroneLiquid.Mavlink.Connection;

/// <summary>
/// A parameter value with its MAV_PARAM_TYPE. Integers are kept as integers, floats as floats; the wire float
/// is produced and read per <see cref="ParameterEncoding"/>, so an INT32 that PX4 sends bit-cast comes out
/// exact.
/// </summary>
public readonly record struct ParameterValue
{
    private readonly long _integer;
    private readonly float _real;

    private ParameterValue(MavParamType type, long integer, float real)
    {
        Type = type;
        _integer = integer;
        _real = real;
    }

    /// <summary>The parameter's type.</summary>
    public MavParamType Type { get; }

    /// <summary>Whether this is a REAL32 (or REAL64) value.</summary>
    public bool IsReal => Type is MavParamType.Real32 or MavParamType.Real64;

    /// <summary>A REAL32 value.</summary>
    public static ParameterValue FromSingle(float value) => new(MavParamType.Real32, 0, value);

    /// <summary>An integer value of <paramref name="type"/> (INT32 by default); throws when it does not fit the type.</summary>
    public static ParameterValue FromInteger(long value, MavParamType type = MavParamType.Int32)
    {
        (long min, long max) = type switch
        {
            MavParamType.Uint8 => ((long)byte.MinValue, (long)byte.MaxValue),
            MavParamType.Int8 => (sbyte.MinValue, sbyte.MaxValue),
            MavParamType.Uint16 => (ushort.MinValue, ushort.MaxValue),
            MavParamType.Int16 => (short.MinValue, short.MaxValue),
            MavParamType.Uint32 => (uint.MinValue, uint.MaxValue),
            MavParamType.Int32 => (int.MinValue, (long)int.MaxValue),
            _ => throw new ArgumentException($"parameter type {type} is not an integer type that fits the 32-bit wire field", nameof(type)),
        };
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"a {type} parameter holds {min} to {max}");
        }

        return new ParameterValue(type, value, 0);
    }

    /// <summary>Reads the wire float of a PARAM_VALUE.</summary>
    public static ParameterValue FromWire(float wire, MavParamType type, ParameterEncoding encoding)
    {
        if (type is MavParamType.Real32 or MavParamType.Real64 || !Enum.IsDefined(type))
        {
            return new ParameterValue(type is MavParamType.Real64 ? type : MavParamType.Real32, 0, wire);
        }

        long integer;
        if (encoding == ParameterEncoding.CCast)
        {
            integer = float.IsFinite(wire) ? (long)wire : 0;
        }
        else
        {
            int bits = BitConverter.SingleToInt32Bits(wire);
            integer = type switch
            {
                MavParamType.Uint8 => (byte)bits,
                MavParamType.Int8 => (sbyte)bits,
                MavParamType.Uint16 => (ushort)bits,
                MavParamType.Int16 => (short)bits,
                MavParamType.Uint32 => (uint)bits,
                _ => bits,
            };
        }

        return new ParameterValue(type, integer, 0);
    }

    /// <summary>The float to put on the wire.</summary>
    public float ToWire(ParameterEncoding encoding)
    {
        if (IsReal)
        {
            return _real;
        }

        if (encoding == ParameterEncoding.CCast)
        {
            return _integer;
        }

        int bits = Type switch
        {
            MavParamType.Uint8 => (byte)_integer,
            MavParamType.Int8 => (sbyte)_integer & 0xFF,
            MavParamType.Uint16 => (ushort)_integer,
            MavParamType.Int16 => (short)_integer & 0xFFFF,
            _ => unchecked((int)_integer),
        };
        return BitConverter.Int32BitsToSingle(bits);
    }

    /// <summary>The value as a double (exact for every integer type and for REAL32).</summary>
    public double ToDouble() => IsReal ? _real : _integer;

    /// <summary>The integer value; throws for a REAL32 parameter.</summary>
    public long ToInteger() => IsReal ? throw new InvalidOperationException($"parameter is {Type}, not an integer") : _integer;

    /// <summary>Whether two values are the same number (REAL32 compared by bits, so NaN equals NaN).</summary>
    public bool SameValueAs(ParameterValue other) => IsReal == other.IsReal
        && (IsReal ? BitConverter.SingleToInt32Bits(_real) == BitConverter.SingleToInt32Bits(other._real) : _integer == other._integer);

    /// <inheritdoc />
    public override string ToString() => IsReal
        ? _real.ToString("R", System.Globalization.CultureInfo.InvariantCulture)
        : _integer.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
