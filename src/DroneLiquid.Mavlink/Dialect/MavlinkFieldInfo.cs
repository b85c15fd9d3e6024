namespace DroneLiquid.Mavlink;

/// <summary>
/// Layout of one field, for generic handling (JSON, fuzzing). <see cref="Name"/> is the XML name,
/// <see cref="MemberName"/> the generated struct member.
/// </summary>
public sealed class MavlinkFieldInfo(
    string name,
    string memberName,
    MavlinkFieldType type,
    int arrayLength,
    int wireOffset,
    bool isExtension,
    string? enumName,
    string? units,
    byte? setByLibrary)
{
    public string Name { get; } = name;

    public string MemberName { get; } = memberName;

    public MavlinkFieldType Type { get; } = type;

    /// <summary>0 for a scalar, N for T[N] (char[N] included).</summary>
    public int ArrayLength { get; } = arrayLength;

    /// <summary>Byte offset in the untruncated payload.</summary>
    public int WireOffset { get; } = wireOffset;

    public bool IsExtension { get; } = isExtension;

    public string? EnumName { get; } = enumName;

    public string? Units { get; } = units;

    /// <summary>A value the library writes whatever the caller supplied (HEARTBEAT.mavlink_version = 3).</summary>
    public byte? SetByLibrary { get; } = setByLibrary;

    public int ElementSize => SizeOf(Type);

    public int Count => Math.Max(1, ArrayLength);

    public int WireSize => ElementSize * Count;

    public static int SizeOf(MavlinkFieldType type) => type switch
    {
        MavlinkFieldType.Char or MavlinkFieldType.UInt8 or MavlinkFieldType.Int8 => 1,
        MavlinkFieldType.UInt16 or MavlinkFieldType.Int16 => 2,
        MavlinkFieldType.UInt32 or MavlinkFieldType.Int32 or MavlinkFieldType.Float => 4,
        _ => 8,
    };

    public override string ToString() =>
        ArrayLength > 0 ? $"{Name} {Type}[{ArrayLength}] @{WireOffset}" : $"{Name} {Type} @{WireOffset}";
}
