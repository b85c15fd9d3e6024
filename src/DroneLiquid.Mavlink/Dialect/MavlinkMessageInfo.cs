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
        _fields = fields;
        _libraryFields = fields.Where(f => f.SetByLibrary is not null).ToArray();
    }

    private readonly MavlinkFieldInfo[] _fields;
    private readonly MavlinkFieldInfo[] _libraryFields;

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
    public IReadOnlyList<MavlinkFieldInfo> Fields => _fields;

    /// <summary>The fields as a span: iterate this on hot paths (no enumerator allocation).</summary>
    public ReadOnlySpan<MavlinkFieldInfo> FieldSpan => _fields;

    /// <summary>Fields the library sets whatever the caller wrote (HEARTBEAT.mavlink_version).</summary>
    internal ReadOnlySpan<MavlinkFieldInfo> LibraryFields => _libraryFields;

    public MavlinkFieldInfo? FindField(string xmlName)
    {
        foreach (MavlinkFieldInfo f in _fields)
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
