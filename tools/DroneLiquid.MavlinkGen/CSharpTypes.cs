namespace DroneLiquid.MavlinkGen;

/// <summary>C element types to C# types, field-type enum members and inline-array type names.</summary>
internal static class CSharpTypes
{
    public static string Scalar(string baseType) => baseType switch
    {
        "char" or "uint8_t" => "byte",
        "int8_t" => "sbyte",
        "uint16_t" => "ushort",
        "int16_t" => "short",
        "uint32_t" => "uint",
        "int32_t" => "int",
        "uint64_t" => "ulong",
        "int64_t" => "long",
        "float" => "float",
        "double" => "double",
        _ => throw new GeneratorException($"unknown field type {baseType}"),
    };

    public static string FieldTypeMember(string baseType) => baseType switch
    {
        "char" => "Char",
        "uint8_t" => "UInt8",
        "int8_t" => "Int8",
        "uint16_t" => "UInt16",
        "int16_t" => "Int16",
        "uint32_t" => "UInt32",
        "int32_t" => "Int32",
        "uint64_t" => "UInt64",
        "int64_t" => "Int64",
        "float" => "Float",
        "double" => "Double",
        _ => throw new GeneratorException($"unknown field type {baseType}"),
    };

    /// <summary>Inline array type for an array field: CharArray16, SingleArray4, UInt16Array18, ...</summary>
    public static string InlineArray(FieldDef field) => field.BaseType switch
    {
        "char" => "CharArray",
        "uint8_t" => "ByteArray",
        "int8_t" => "SByteArray",
        "uint16_t" => "UInt16Array",
        "int16_t" => "Int16Array",
        "uint32_t" => "UInt32Array",
        "int32_t" => "Int32Array",
        "uint64_t" => "UInt64Array",
        "int64_t" => "Int64Array",
        "float" => "SingleArray",
        "double" => "DoubleArray",
        _ => throw new GeneratorException($"unknown field type {field.BaseType}"),
    } + field.ArrayLength.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string MemberType(FieldDef field) => field.ArrayLength > 0 ? InlineArray(field) : Scalar(field.BaseType);
}
