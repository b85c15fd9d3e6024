using System.Globalization;

namespace DroneLiquid.FirmwareBridge.Tests.Harness;

/// <summary>
/// Reads the shipped parameter files: QGroundControl's .params (vehicle, component, name, value, type; tab separated)
/// and Mission Planner's .parm (name and value separated by a space or a comma). Lines starting with # are comments.
/// </summary>
internal static class ParameterFile
{
    public static IReadOnlyDictionary<string, double> Load(string fileName)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "params", fileName);
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        int lineNumber = 0;
        foreach (string raw in File.ReadLines(path))
        {
            lineNumber++;
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            string[] fields = line.Split(['\t', ' ', ','], StringSplitOptions.RemoveEmptyEntries);
            (string name, string value) = fields.Length == 5 ? (fields[2], fields[3]) : fields.Length == 2 ? (fields[0], fields[1])
                : throw new FormatException($"{fileName} line {lineNumber}: expected 'NAME VALUE' or 5 tab-separated fields; got '{line}'");
            values[name] = double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        return values;
    }
}
