using System.Globalization;
using System.Text.Json;

namespace DroneLiquid.Service.Tests.Cli;

/// <summary>Compares JSON values the way the vectors define them: same keys in the same order, numbers by value and bits.</summary>
internal static class JsonAssert
{
    public static void Equivalent(JsonElement expected, JsonElement actual, string where)
    {
        Assert.True(expected.ValueKind == actual.ValueKind, $"{where}: {expected.ValueKind} expected, got {actual.ValueKind} ({actual.GetRawText()})");
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                string[] expectedKeys = expected.EnumerateObject().Select(p => p.Name).ToArray();
                Assert.Equal(expectedKeys, actual.EnumerateObject().Select(p => p.Name).ToArray());
                foreach (string key in expectedKeys)
                {
                    Equivalent(expected.GetProperty(key), actual.GetProperty(key), $"{where}.{key}");
                }

                break;
            case JsonValueKind.Array:
                JsonElement[] e = expected.EnumerateArray().ToArray();
                JsonElement[] a = actual.EnumerateArray().ToArray();
                Assert.True(e.Length == a.Length, $"{where}: {e.Length} elements expected, got {a.Length}");
                for (int i = 0; i < e.Length; i++)
                {
                    Equivalent(e[i], a[i], $"{where}[{i}]");
                }

                break;
            case JsonValueKind.Number:
                double x = double.Parse(expected.GetRawText(), CultureInfo.InvariantCulture);
                double y = double.Parse(actual.GetRawText(), CultureInfo.InvariantCulture);
                Assert.True(BitConverter.DoubleToInt64Bits(x) == BitConverter.DoubleToInt64Bits(y), $"{where}: {expected.GetRawText()} expected, got {actual.GetRawText()}");
                break;
            default:
                Assert.True(expected.GetRawText() == actual.GetRawText(), $"{where}: {expected.GetRawText()} expected, got {actual.GetRawText()}");
                break;
        }
    }
}
