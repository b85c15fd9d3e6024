using System.Text;

namespace DroneLiquid.MavlinkGen;

/// <summary>XML names to C# identifiers: GPS_RAW_INT → GpsRawInt, time_boot_ms → TimeBootMs.</summary>
internal static class Naming
{
    public static string Pascal(string xmlName)
    {
        var sb = new StringBuilder(xmlName.Length);
        foreach (string part in xmlName.Split('_', StringSplitOptions.RemoveEmptyEntries))
        {
            bool allUpper = part.Any(char.IsLetter) && !part.Any(char.IsLower);
            if (sb.Length > 0 && char.IsDigit(sb[^1]) && char.IsDigit(part[0]))
            {
                sb.Append('_'); // CR_7_5_M must not become Cr75M, which CR_75_M already is
            }
            sb.Append(char.ToUpperInvariant(part[0]));
            sb.Append(allUpper ? part[1..].ToLowerInvariant() : part[1..]);
        }
        if (sb.Length == 0 || !(char.IsLetter(sb[0]) || sb[0] == '_'))
        {
            sb.Insert(0, '_');
        }
        return sb.ToString();
    }

    /// <summary>Entry name without its enum's prefix: MAV_TYPE_QUADROTOR in MAV_TYPE → Quadrotor.</summary>
    public static string EnumEntry(string enumName, string entryName)
    {
        string prefix = enumName + "_";
        string stripped = entryName.StartsWith(prefix, StringComparison.Ordinal) && entryName.Length > prefix.Length
            ? entryName[prefix.Length..]
            : entryName;
        return Pascal(stripped);
    }

    public static string MessageStruct(string messageName) => Pascal(messageName) + "Message";

    public static string DialectClass(string dialectName) => Pascal(dialectName) + "Dialect";
}
