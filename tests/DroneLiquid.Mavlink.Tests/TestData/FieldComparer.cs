using System.Globalization;
using System.Text.Json;

namespace DroneLiquid.Mavlink.Tests.TestData;

/// <summary>Compares JSON field objects by value: floats and doubles by bit pattern, everything else exactly.</summary>
public static class FieldComparer
{
    /// <summary>Differences between two field objects of <paramref name="info"/>, as readable lines (empty if equal).</summary>
    public static List<string> Differences(MavlinkMessageInfo info, JsonElement expected, JsonElement actual)
    {
        var differences = new List<string>();
        var expectedNames = expected.EnumerateObject().Select(p => p.Name).ToList();
        var actualNames = actual.EnumerateObject().Select(p => p.Name).ToList();
        if (!expectedNames.SequenceEqual(actualNames))
        {
            differences.Add($"field names/order: expected [{string.Join(",", expectedNames)}] got [{string.Join(",", actualNames)}]");
            return differences;
        }
        foreach (MavlinkFieldInfo field in info.Fields)
        {
            string e = Canonical(field, expected.GetProperty(field.Name));
            string a = Canonical(field, actual.GetProperty(field.Name));
            if (e != a)
            {
                differences.Add($"{field.Name}: expected {e} got {a}");
            }
        }
        return differences;
    }

    private static string Canonical(MavlinkFieldInfo field, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            return "[" + string.Join(",", value.EnumerateArray().Select(v => Canonical(field, v))) + "]";
        }
        return field.Type switch
        {
            MavlinkFieldType.Float => BitConverter.SingleToInt32Bits(ReadFloat(value)).ToString("x8", CultureInfo.InvariantCulture),
            MavlinkFieldType.Double => BitConverter.DoubleToInt64Bits(ReadDouble(value)).ToString("x16", CultureInfo.InvariantCulture),
            _ => value.GetRawText(),
        };
    }

    private static float ReadFloat(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? (float)NonFinite(value.GetString()!) : value.GetSingle();

    private static double ReadDouble(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? NonFinite(value.GetString()!) : value.GetDouble();

    private static double NonFinite(string text) => text switch
    {
        "NaN" => double.NaN,
        "Infinity" => double.PositiveInfinity,
        "-Infinity" => double.NegativeInfinity,
        _ => throw new FormatException($"unexpected float text \"{text}\""),
    };
}
