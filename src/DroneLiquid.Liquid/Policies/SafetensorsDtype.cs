using System.Buffers.Binary;

namespace DroneLiquid.Liquid.Policies;

/// <summary>The floating-point safetensors dtypes we read, and their exact conversion to float32.</summary>
internal static class SafetensorsDtype
{
    /// <summary>Every dtype the safetensors format defines, for telling "unknown" from "not floating point".</summary>
    private static readonly HashSet<string> KnownNonFloat = new(StringComparer.Ordinal)
    {
        "BOOL", "U8", "I8", "U16", "I16", "U32", "I32", "U64", "I64", "F8_E4M3", "F8_E5M2", "F8_E8M0", "F6_E2M3", "F6_E3M2", "F4", "C64",
    };

    public const string Supported = "F32, F64, F16, BF16";

    /// <summary>Bytes per element of a supported dtype, or null with the reason it is not supported.</summary>
    public static int? ElementSize(string dtype, out string? problem)
    {
        problem = null;
        switch (dtype)
        {
            case "F32": return 4;
            case "F64": return 8;
            case "F16":
            case "BF16": return 2;
        }

        problem = KnownNonFloat.Contains(dtype)
            ? $"dtype '{dtype}' is not one DroneLiquid loads (it reads {Supported})"
            : $"unknown dtype '{dtype}' (safetensors dtypes DroneLiquid reads: {Supported})";
        return null;
    }

    /// <summary>Converts little-endian elements of <paramref name="dtype"/> to float32: exactly for F16/BF16, round-to-nearest for F64.</summary>
    public static void ToSingle(string dtype, ReadOnlySpan<byte> bytes, Span<float> destination)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = dtype switch
            {
                "F32" => BinaryPrimitives.ReadSingleLittleEndian(bytes.Slice(i * 4, 4)),
                "F64" => (float)BinaryPrimitives.ReadDoubleLittleEndian(bytes.Slice(i * 8, 8)),
                "F16" => (float)BinaryPrimitives.ReadHalfLittleEndian(bytes.Slice(i * 2, 2)),
                "BF16" => BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(i * 2, 2)) << 16),
                _ => throw new ArgumentException($"unsupported dtype '{dtype}'", nameof(dtype)),
            };
        }
    }
}
