using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace DroneLiquid.MavlinkGen;

/// <summary>
/// Reads a MAVLink XML file and every file it includes (paths relative to the including file, each file
/// once), merging enums that several files extend (e.g. MAV_CMD). Descriptions are never read.
/// </summary>
internal static partial class XmlDialectLoader
{
    [GeneratedRegex(@"^(?<type>[a-z0-9_]+?)(\[(?<len>[0-9]+)\])?$")]
    private static partial Regex FieldTypePattern();

    public static DialectModel Load(string xmlPath)
    {
        string fullPath = Path.GetFullPath(xmlPath);
        var messages = new Dictionary<uint, MessageDef>();
        var enums = new Dictionary<string, (bool Bitmask, List<EnumEntryDef> Entries)>(StringComparer.Ordinal);
        var enumOrder = new List<string>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        int? version = null;

        void LoadFile(string path, string includedFrom)
        {
            if (!visited.Add(path))
            {
                return;
            }
            if (!File.Exists(path))
            {
                throw new GeneratorException($"{includedFrom}: included file {path} does not exist");
            }
            XElement root = XDocument.Load(path).Root
                ?? throw new GeneratorException($"{path}: empty XML document");
            string fileName = Path.GetFileName(path);
            foreach (XElement include in root.Elements("include"))
            {
                LoadFile(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, include.Value.Trim())), path);
            }
            int? fileVersion = ParseOptionalInt(root.Element("version")?.Value, path, "version");
            version ??= fileVersion;
            foreach (XElement e in root.Element("enums")?.Elements("enum") ?? [])
            {
                ReadEnum(e, path, enums, enumOrder);
            }
            foreach (XElement m in root.Element("messages")?.Elements("message") ?? [])
            {
                MessageDef message = ReadMessage(m, path, fileName, fileVersion);
                if (messages.TryGetValue(message.Id, out MessageDef? existing))
                {
                    throw new GeneratorException(
                        $"{path}: message id {message.Id} ({message.Name}) is already defined as {existing.Name} in {existing.SourceFile}");
                }
                messages.Add(message.Id, message);
            }
        }

        LoadFile(fullPath, "command line");
        string dialectName = Path.GetFileNameWithoutExtension(fullPath);
        var enumDefs = enumOrder.Select(n => new EnumDef(n, enums[n].Bitmask, enums[n].Entries)).ToList();
        return new DialectModel(dialectName, Path.GetFileName(fullPath), version,
            messages.Values.OrderBy(m => m.Id).ToList(), enumDefs);
    }

    private static void ReadEnum(XElement e, string path,
        Dictionary<string, (bool Bitmask, List<EnumEntryDef> Entries)> enums, List<string> order)
    {
        string name = Required(e, "name", path);
        bool bitmask = string.Equals((string?)e.Attribute("bitmask"), "true", StringComparison.OrdinalIgnoreCase);
        if (!enums.TryGetValue(name, out var def))
        {
            def = (bitmask, new List<EnumEntryDef>());
            enums.Add(name, def);
            order.Add(name);
        }
        else if (bitmask && !def.Bitmask)
        {
            enums[name] = def = (true, def.Entries);
        }
        ulong next = def.Entries.Count == 0 ? 0 : def.Entries[^1].Value + 1;
        foreach (XElement entry in e.Elements("entry"))
        {
            string entryName = Required(entry, "name", path);
            string? valueText = (string?)entry.Attribute("value");
            ulong value = valueText is null ? next : ParseEnumValue(valueText, path, entryName);
            if (def.Entries.Any(x => x.Name == entryName))
            {
                continue;
            }
            def.Entries.Add(new EnumEntryDef(entryName, value));
            next = value + 1;
        }
    }

    private static MessageDef ReadMessage(XElement m, string path, string fileName, int? fileVersion)
    {
        string name = Required(m, "name", path);
        string idText = Required(m, "id", path);
        if (!uint.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out uint id) || id > 0xFFFFFF)
        {
            throw new GeneratorException($"{path}: message {name}: id \"{idText}\" is not an integer 0..16777215");
        }
        var fields = new List<FieldDef>();
        bool inExtensions = false;
        foreach (XElement child in m.Elements())
        {
            if (child.Name == "extensions")
            {
                inExtensions = true;
            }
            else if (child.Name == "field")
            {
                fields.Add(ReadField(child, path, name, inExtensions, fileVersion));
            }
        }
        if (fields.Count == 0)
        {
            throw new GeneratorException($"{path}: message {name} has no fields");
        }
        var message = new MessageDef(id, name, fileName, fields);
        if (message.MaxLength > 255)
        {
            throw new GeneratorException($"{path}: message {name} payload is {message.MaxLength} bytes; the limit is 255");
        }
        return message;
    }

    private static FieldDef ReadField(XElement f, string path, string message, bool isExtension, int? fileVersion)
    {
        string name = Required(f, "name", path);
        string type = Required(f, "type", path);
        byte? setByLibrary = null;
        if (type == "uint8_t_mavlink_version")
        {
            // HEARTBEAT.mavlink_version: not set by the caller; the packer writes the defining file's <version>.
            type = "uint8_t";
            setByLibrary = (byte)(fileVersion ?? throw new GeneratorException(
                $"{path}: message {message} field {name} is uint8_t_mavlink_version but the file has no <version>"));
        }
        Match match = FieldTypePattern().Match(type);
        string baseType = match.Success ? match.Groups["type"].Value : type;
        int arrayLength = match.Success && match.Groups["len"].Success
            ? int.Parse(match.Groups["len"].Value, CultureInfo.InvariantCulture)
            : 0;
        var field = new FieldDef(name, baseType, arrayLength, isExtension, (string?)f.Attribute("enum"),
            (string?)f.Attribute("units"), setByLibrary);
        try
        {
            _ = field.ElementSize;
        }
        catch (InvalidOperationException)
        {
            throw new GeneratorException(
                $"{path}: message {message} field {name}: type \"{type}\" is not one of char, (u)int8/16/32/64_t, float, double (optionally [N])");
        }
        if (match.Groups["len"].Success && arrayLength is < 1 or > 255)
        {
            throw new GeneratorException($"{path}: message {message} field {name}: array length {arrayLength} is outside 1..255");
        }
        return field;
    }

    private static ulong ParseEnumValue(string text, string path, string entry)
    {
        text = text.Trim();
        bool ok = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? ulong.TryParse(text[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out ulong value)
            : TryParsePower(text, out value) || ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        if (!ok || value > uint.MaxValue)
        {
            throw new GeneratorException($"{path}: enum entry {entry}: value \"{text}\" is not an integer 0..4294967295");
        }
        return value;
    }

    private static bool TryParsePower(string text, out ulong value)
    {
        value = 0;
        string[] parts = text.Split("**");
        if (parts.Length != 2
            || !ulong.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out ulong b)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int e) || e > 63)
        {
            return false;
        }
        value = 1;
        for (int i = 0; i < e; i++)
        {
            value *= b;
        }
        return true;
    }

    private static int? ParseOptionalInt(string? text, string path, string element)
    {
        if (text is null)
        {
            return null;
        }
        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int v) && v is >= 0 and <= 255
            ? v
            : throw new GeneratorException($"{path}: <{element}> \"{text}\" is not an integer 0..255");
    }

    private static string Required(XElement e, string attribute, string path) =>
        (string?)e.Attribute(attribute) is { Length: > 0 } value
            ? value
            : throw new GeneratorException($"{path}: <{e.Name}> without a \"{attribute}\" attribute");
}
