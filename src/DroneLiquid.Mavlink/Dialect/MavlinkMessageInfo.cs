namespace DroneLiquid.Mavlink;

/// <summary>Registry entry for one message: id, name, CRC_EXTRA, payload lengths and fields in XML order.</summary>
public sealed class MavlinkMessageInfo
{
    public MavlinkMessageInfo(uint id, string name, byte crcExtra, int minLength, int maxLength, Type? clrType,
        MavlinkFieldInfo[] fields)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(id, 0xFFFFFFu, nameof(id));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxLength, 255, nameof(maxLength));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minLength, maxLength, nameof(minLength));
        Id = id;
        Name = name;
        CrcExtra = crcExtra;
        MinLength = minLength;
        MaxLength = maxLength;
        ClrType = clrType;
        Fields = fields;
    }

    public uint Id { get; }

    public string Name { get; }

    public byte CrcExtra { get; }

    /// <summary>Base fields only: the MAVLink 1 payload length.</summary>
    public int MinLength { get; }

    /// <summary>Base and extension fields: the untruncated MAVLink 2 payload length.</summary>
    public int MaxLength { get; }

    /// <summary>The generated struct, if any.</summary>
    public Type? ClrType { get; }

    /// <summary>Fields in XML declaration order (not wire order).</summary>
    public IReadOnlyList<MavlinkFieldInfo> Fields { get; }

    public MavlinkFieldInfo? FindField(string xmlName)
    {
        foreach (MavlinkFieldInfo f in Fields)
        {
            if (f.Name == xmlName)
            {
                return f;
            }
        }
        return null;
    }

    public override string ToString() => $"{Name} ({Id})";
}
