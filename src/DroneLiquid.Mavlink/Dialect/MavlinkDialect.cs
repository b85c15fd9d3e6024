using System.Collections.Frozen;

namespace DroneLiquid.Mavlink;

/// <summary>
/// The message registry of one dialect: id → <see cref="MavlinkMessageInfo"/>. The CRC_EXTRA lookup the
/// parser does per frame is a flat table indexed by id, built once here.
/// </summary>
public sealed class MavlinkDialect
{
    private readonly MavlinkMessageInfo?[] _byId;
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
        foreach (MavlinkMessageInfo m in list)
        {
            if (_byId[m.Id] is { } existing)
            {
                throw new ArgumentException($"dialect {name}: message id {m.Id} is both {existing.Name} and {m.Name}", nameof(messages));
            }
            _byId[m.Id] = m;
        }
        _byName = list.ToFrozenDictionary(m => m.Name, StringComparer.Ordinal);
        Messages = list.OrderBy(m => m.Id).ToArray();
    }

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

    public override string ToString() => $"{Name} ({Messages.Count} messages)";
}
