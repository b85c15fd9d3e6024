using System.Text.Json;

namespace DroneLiquid.Liquid.Policies;

/// <summary>
/// A position in a JSON document that reads typed values by key and records a problem (key path, value
/// found, what is allowed) instead of throwing, so a reader reports every problem of a file at once.
/// A JSON <c>null</c> counts as absent. Every getter returns null when the value is absent or wrong.
/// </summary>
internal readonly struct JsonCursor(JsonElement element, string path, JsonProblems problems)
{
    public JsonElement Element { get; } = element;

    public string Path { get; } = path;

    public JsonProblems Problems { get; } = problems;

    public static JsonCursor Root(JsonDocument document, JsonProblems problems) => new(document.RootElement, "", problems);

    public string PathOf(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public bool Has(string key) => Element.ValueKind == JsonValueKind.Object && Element.TryGetProperty(key, out var v) && v.ValueKind != JsonValueKind.Null;

    public void Problem(string key, string message) => Problems.Add(PathOf(key), message);

    /// <summary>Records a problem for every property not in <paramref name="known"/>.</summary>
    public void RejectUnknownKeys(string what, params string[] known)
    {
        if (Element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in Element.EnumerateObject())
        {
            if (System.Array.IndexOf(known, property.Name) < 0)
            {
                Problems.Add(PathOf(property.Name), $"is not a {what} key; allowed: {string.Join(", ", known)}");
            }
        }
    }

    public JsonCursor? Object(string key, bool required = true) => Get(key, JsonValueKind.Object, "an object", required);

    public IReadOnlyList<JsonCursor>? Array(string key, bool required = true)
    {
        if (Get(key, JsonValueKind.Array, "an array", required) is not { } array)
        {
            return null;
        }

        string arrayPath = array.Path;
        var problems = Problems;
        return array.Element.EnumerateArray().Select((item, i) => new JsonCursor(item, $"{arrayPath}[{i}]", problems)).ToArray();
    }

    public string? String(string key, bool required = true, bool allowEmpty = false)
    {
        if (Get(key, JsonValueKind.String, "a string", required) is not { } value)
        {
            return null;
        }

        string text = value.Element.GetString()!;
        if (!allowEmpty && text.Trim().Length == 0)
        {
            Problem(key, "is empty; a non-empty string is required");
            return null;
        }

        return text;
    }

    public bool? Bool(string key, bool required = true)
    {
        if (!TryValue(key, required, "true or false", out var value))
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Problem(key, $"{Show(value)} is not true or false");
        return null;
    }

    public int? Int(string key, int min, int max = int.MaxValue, bool required = true)
    {
        if (!TryValue(key, required, $"an integer from {min} to {max}", out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int number) && number >= min && number <= max)
        {
            return number;
        }

        Problem(key, $"{Show(value)} is not an integer from {min} to {max}");
        return null;
    }

    /// <summary>A finite number; <paramref name="check"/> returns null when fine or the sentence saying what is allowed.</summary>
    public double? Number(string key, bool required = true, Func<double, string?>? check = null)
    {
        if (!TryValue(key, required, "a number", out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out double number) || !double.IsFinite(number))
        {
            Problem(key, $"{Show(value)} is not a finite number");
            return null;
        }

        if (check?.Invoke(number) is { } allowed)
        {
            Problem(key, $"{Show(value)} is not allowed; {allowed}");
            return null;
        }

        return number;
    }

    /// <summary>A float32 parsed directly (shortest round-trip text gives the exact float back).</summary>
    public float? Single(string key, bool required = true, Func<float, string?>? check = null)
    {
        if (Number(key, required) is null)
        {
            return null;
        }

        var element = Element.GetProperty(key);
        if (!element.TryGetSingle(out float value) || !float.IsFinite(value))
        {
            Problem(key, $"{Show(element)} is outside the float32 range");
            return null;
        }

        if (check?.Invoke(value) is { } allowed)
        {
            Problem(key, $"{Show(element)} is not allowed; {allowed}");
            return null;
        }

        return value;
    }

    /// <summary>One of a fixed set of spellings, e.g. ncps's mode names.</summary>
    public T? Choice<T>(string key, IReadOnlyList<KeyValuePair<string, T>> allowed, bool required = true)
        where T : struct
    {
        if (!TryValue(key, required, "one of " + string.Join(", ", allowed.Select(a => a.Key)), out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            string text = value.GetString()!;
            foreach (var (name, item) in allowed)
            {
                if (name == text)
                {
                    return item;
                }
            }
        }

        Problem(key, $"{Show(value)} is not allowed; allowed: {string.Join(", ", allowed.Select(a => a.Key))}");
        return null;
    }

    /// <summary>An array of integers in [min, max].</summary>
    public int[]? IntArray(string key, int min, int max, bool required = true)
    {
        if (Array(key, required) is not { } items)
        {
            return null;
        }

        var values = new int[items.Count];
        bool ok = true;
        for (int i = 0; i < items.Count; i++)
        {
            var item = items[i].Element;
            if (item.ValueKind == JsonValueKind.Number && item.TryGetInt32(out int v) && v >= min && v <= max)
            {
                values[i] = v;
            }
            else
            {
                Problems.Add(items[i].Path, $"{Show(item)} is not an integer from {min} to {max}");
                ok = false;
            }
        }

        return ok ? values : null;
    }

    /// <summary>A short rendering of a JSON value for messages.</summary>
    public static string Show(JsonElement value)
    {
        string text = value.ValueKind == JsonValueKind.String ? $"'{value.GetString()}'" : value.GetRawText();
        return text.Length <= 60 ? text : text[..57] + "...";
    }

    private JsonCursor? Get(string key, JsonValueKind kind, string what, bool required)
    {
        if (!TryValue(key, required, what, out var value))
        {
            return null;
        }

        if (value.ValueKind != kind)
        {
            Problem(key, $"{Show(value)} is not {what}");
            return null;
        }

        return new JsonCursor(value, PathOf(key), Problems);
    }

    private bool TryValue(string key, bool required, string what, out JsonElement value)
    {
        value = default;
        if (Element.ValueKind != JsonValueKind.Object || !Element.TryGetProperty(key, out value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Problem(key, $"is missing; expected {what}");
            }

            return false;
        }

        return true;
    }
}
