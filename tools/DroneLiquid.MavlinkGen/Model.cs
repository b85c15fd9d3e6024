namespace DroneLiquid.MavlinkGen;

/// <summary>A dialect after following every include: messages by id, enums merged by name.</summary>
internal sealed record DialectModel(
    string Name, string InputFileName, int? Version, IReadOnlyList<MessageDef> Messages, IReadOnlyList<EnumDef> Enums);

/// <summary>One MAVLink message, fields in XML order.</summary>
internal sealed record MessageDef(uint Id, string Name, string SourceFile, IReadOnlyList<FieldDef> Fields)
{
    /// <summary>Base fields sorted by element size (stable), then extension fields in XML order.</summary>
    public IReadOnlyList<FieldDef> WireOrder { get; } =
        Fields.Where(f => !f.IsExtension).OrderByDescending(f => f.ElementSize)
            .Concat(Fields.Where(f => f.IsExtension)).ToList();

    public int MinLength => Fields.Where(f => !f.IsExtension).Sum(f => f.WireSize);

    public int MaxLength => Fields.Sum(f => f.WireSize);

    public int WireOffset(FieldDef field)
    {
        int offset = 0;
        foreach (FieldDef f in WireOrder)
        {
            if (ReferenceEquals(f, field))
            {
                return offset;
            }
            offset += f.WireSize;
        }
        throw new InvalidOperationException($"field {field.Name} is not part of message {Name}");
    }
}

/// <summary>One field. <see cref="BaseType"/> is the C element type (char, uint8_t, ... double).</summary>
internal sealed record FieldDef(
    string Name, string BaseType, int ArrayLength, bool IsExtension, string? EnumName, string? Units, byte? SetByLibrary)
{
    public int ElementSize => BaseType switch
    {
        "char" or "uint8_t" or "int8_t" => 1,
        "uint16_t" or "int16_t" => 2,
        "uint32_t" or "int32_t" or "float" => 4,
        "uint64_t" or "int64_t" or "double" => 8,
        _ => throw new InvalidOperationException($"field {Name}: unknown type {BaseType}"),
    };

    public int WireSize => ElementSize * Math.Max(1, ArrayLength);
}

internal sealed record EnumDef(string Name, bool IsBitmask, IReadOnlyList<EnumEntryDef> Entries);

internal sealed record EnumEntryDef(string Name, ulong Value);
