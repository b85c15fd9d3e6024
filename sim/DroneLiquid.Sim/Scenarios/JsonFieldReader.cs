using System.Globalization;
using System.Text.Json;

namespace DroneLiquid.Sim.Scenarios;

/// <summary>
/// Reads one JSON object field by field with limits, remembering the path ("events[2].time_s") so that every
/// error names the field, what was expected and what was found; <see cref="RejectUnknown"/> then names any
/// field that was not read.
/// </summary>
internal sealed class JsonFieldReader
{
    private readonly JsonElement _element;
    private readonly string _source;
    private readonly string _path;
    private readonly HashSet<string> _known = [];

    public JsonFieldReader(JsonElement element, string source, string path)
    {
        _source = source;
        _path = path;
        _element = element;
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Error(path.Length == 0 ? "(root)" : path, $"expected an object, got {Describe(element)}");
        }
    }

    public double Number(string name, double min, double max, double? fallback = null)
    {
        if (!TryGet(name, out JsonElement value))
        {
            return fallback ?? throw Error(Path(name), $"required: a number in [{Format(min)}, {Format(max)}]");
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out double number) || !double.IsFinite(number))
        {
            throw Error(Path(name), $"expected a number in [{Format(min)}, {Format(max)}], got {Describe(value)}");
        }

        if (number < min || number > max)
        {
            throw Error(Path(name), $"expected a number in [{Format(min)}, {Format(max)}], got {Format(number)}");
        }

        return number;
    }

    public int Integer(string name, int min, int max, int fallback)
    {
        double number = Number(name, min, max, fallback);
        if (number != Math.Floor(number))
        {
            throw Error(Path(name), $"expected an integer in [{min}, {max}], got {Format(number)}");
        }

        return (int)number;
    }

    public ulong UnsignedInteger(string name, ulong max)
    {
        if (!TryGet(name, out JsonElement value))
        {
            throw Error(Path(name), $"required: an integer in [0, {max}]");
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetUInt64(out ulong number) || number > max)
        {
            throw Error(Path(name), $"expected an integer in [0, {max}], got {Describe(value)}");
        }

        return number;
    }

    public string Choice(string name, IReadOnlyList<string> valid, string? fallback = null)
    {
        if (!TryGet(name, out JsonElement value))
        {
            return fallback ?? throw Error(Path(name), $"required: one of {string.Join(", ", valid)}");
        }

        string? text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (text is null || !valid.Contains(text))
        {
            throw Error(Path(name), $"unknown value {Describe(value)}; valid: {string.Join(", ", valid)}");
        }

        return text;
    }

    public JsonFieldReader? Object(string name, bool required)
    {
        if (!TryGet(name, out JsonElement value))
        {
            return required ? throw Error(Path(name), "required: an object") : null;
        }

        return new JsonFieldReader(value, _source, Path(name));
    }

    public IEnumerable<JsonFieldReader> Objects(string name, int maxCount)
    {
        if (!TryGet(name, out JsonElement value))
        {
            yield break;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Error(Path(name), $"expected an array, got {Describe(value)}");
        }

        int count = value.GetArrayLength();
        if (count > maxCount)
        {
            throw Error(Path(name), $"expected at most {maxCount} entries, got {count}");
        }

        int index = 0;
        foreach (JsonElement item in value.EnumerateArray())
        {
            yield return new JsonFieldReader(item, _source, $"{Path(name)}[{index++}]");
        }
    }

    /// <summary>Throws naming the first field that no reader call asked for.</summary>
    public void RejectUnknown()
    {
        foreach (JsonProperty property in _element.EnumerateObject())
        {
            if (!_known.Contains(property.Name))
            {
                throw Error(Path(property.Name), $"unknown field; valid here: {string.Join(", ", _known)}");
            }
        }
    }

    public ScenarioException Error(string field, string problem) => new($"scenario '{_source}': field '{field}': {problem}");

    public string Path(string name) => _path.Length == 0 ? name : $"{_path}.{name}";

    private bool TryGet(string name, out JsonElement value)
    {
        _known.Add(name);
        return _element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"\"{value.GetString()}\"",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => value.GetRawText(),
    };

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
