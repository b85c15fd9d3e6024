using System.Collections.Frozen;

namespace DroneLiquid.Mavlink;

/// <summary>
/// The message registry of one dialect: id → <see cref="MavlinkMessageInfo"/>. The CRC_EXTRA lookup the
/// parser does per frame is a flat table indexed by id, built once here.
/// </summary>
public sealed class MavlinkDialect
{
    private readonly MavlinkMessageInfo?[] _byId;

    // What the parser needs per frame, packed so one load answers it: bit 31 known, bits 16..23 max length,
    // bits 8..15 min length, bits 0..7 CRC_EXTRA.
    private readonly uint[] _layoutById;
    private readonly FrozenDictionary<string, MavlinkMessageInfo> _byName;

    public MavlinkDialect(string name, IEnumerable<MavlinkMessageInfo> messages)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException(
                "DroneLiquid.Mavlink maps message structs onto little-endian wire bytes; this CPU is big-endian");
        }
        Name = name;
        var list = messages.ToList();
        uint maxId = list.Count == 0 ? 0 : list.Max(m => m.Id);
        _byId = new MavlinkMessageInfo?[maxId + 1];
        _layoutById = new uint[maxId + 1];
        foreach (MavlinkMessageInfo m in list)
        {
            if (_byId[m.Id] is { } existing)
            {
                throw new ArgumentException($"dialect {name}: message id {m.Id} is both {existing.Name} and {m.Name}", nameof(messages));
            }
            _byId[m.Id] = m;
            _layoutById[m.Id] = KnownBit | ((uint)m.MaxLength << 16) | ((uint)m.MinLength << 8) | m.CrcExtra;
        }
        _byName = list.ToFrozenDictionary(m => m.Name, StringComparer.Ordinal);
        Messages = list.OrderBy(m => m.Id).ToArray();
    }

    private const uint KnownBit = 1u << 31;

    public string Name { get; }

    /// <summary>Every message, by ascending id.</summary>
    public IReadOnlyList<MavlinkMessageInfo> Messages { get; }

    public bool TryGetMessage(uint id, out MavlinkMessageInfo info)
    {
        MavlinkMessageInfo?[] table = _byId;
        if (id < (uint)table.Length && table[id] is { } found)
        {
            info = found;
            return true;
        }
        info = null!;
        return false;
    }

    public bool TryGetMessage(string name, out MavlinkMessageInfo info) => _byName.TryGetValue(name, out info!);

    /// <summary>The hot-path lookup: CRC_EXTRA of <paramref name="id"/>, false if the dialect does not know it.</summary>
    public bool TryGetCrcExtra(uint id, out byte crcExtra)
    {
        MavlinkMessageInfo?[] table = _byId;
        if (id < (uint)table.Length && table[id] is { } found)
        {
            crcExtra = found.CrcExtra;
            return true;
        }
        crcExtra = 0;
        return false;
    }

    /// <summary>The parser's lookup: false for unknown ids, else CRC_EXTRA and the payload lengths.</summary>
    internal bool TryGetLayout(uint id, out byte crcExtra, out int minLength, out int maxLength)
    {
        uint[] table = _layoutById;
        uint layout = id < (uint)table.Length ? table[id] : 0;
        crcExtra = (byte)layout;
        minLength = (byte)(layout >> 8);
        maxLength = (byte)(layout >> 16);
        return layout != 0;
    }

    public override string ToString() => $"{Name} ({Messages.Count} messages)";
}
