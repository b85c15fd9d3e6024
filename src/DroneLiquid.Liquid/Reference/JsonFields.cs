using System.Text.Json;

namespace DroneLiquid.Liquid.Reference;

/// <summary>
/// Typed access to a JSON object that knows its own path, so every problem is reported as
/// "file: 'config.wiring.units' is ..., expected ...".
/// </summary>
internal sealed class JsonFields
{
    private readonly string _source;
    private readonly string _path;

    public JsonFields(JsonElement value, string source, string path = "")
    {
        Value = value;
        _source = source;
        _path = path;
    }

    public JsonElement Value { get; }

    public bool Has(string key) => Value.ValueKind == JsonValueKind.Object && Value.TryGetProperty(key, out _);

    public bool IsNull(string key) => !Value.TryGetProperty(key, out var v) || v.ValueKind == JsonValueKind.Null;

    public JsonValueKind Kind(string key) => Get(key).ValueKind;

    public InvalidDataException Error(string key, string problem) => new($"{_source}: '{Join(key)}' {problem}");

    public JsonFields Object(string key) => Expect(key, JsonValueKind.Object, "an object");

    public IEnumerable<JsonFields> Array(string key)
    {
        var array = Expect(key, JsonValueKind.Array, "an array");
        string source = _source, path = Join(key);
        return array.Value.EnumerateArray().Select((e, i) => new JsonFields(e, source, $"{path}[{i}]")).ToArray();
    }

    public string String(string key) => Expect(key, JsonValueKind.String, "a string").Value.GetString()!;

    public bool Bool(string key)
    {
        var v = Get(key);
        return v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Error(key, $"is {Describe(v)}, expected true or false"),
        };
    }

    public int Int(string key)
    {
        var v = Get(key);
        return v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out int i) ? i : throw Error(key, $"is {Describe(v)}, expected an integer");
    }

    public int? OptionalInt(string key) => IsNull(key) ? null : Int(key);

    public float Float(string key)
    {
        var v = Get(key);
        return v.ValueKind == JsonValueKind.Number ? (float)v.GetDouble() : throw Error(key, $"is {Describe(v)}, expected a number");
    }

    public float? OptionalFloat(string key) => IsNull(key) ? null : Float(key);

    public int[] IntArray(string key) => Expect(key, JsonValueKind.Array, "an array").Value.EnumerateArray()
        .Select((e, i) => e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out int v) ? v : throw Error($"{key}[{i}]", $"is {Describe(e)}, expected an integer"))
        .ToArray();

    public float[] FloatArray(string key) => Floats(Expect(key, JsonValueKind.Array, "an array").Value, Join(key), -1);

    /// <summary>A [d0][d1] array of numbers; -1 accepts any length (at least 1).</summary>
    public float[][] Floats2(string key, int d0, int d1) => Rows(Expect(key, JsonValueKind.Array, "an array").Value, Join(key), d0)
        .Select((row, i) => Floats(row, $"{Join(key)}[{i}]", d1)).ToArray();

    /// <summary>A [d0][d1][d2] array of numbers; -1 accepts any length (at least 1).</summary>
    public float[][][] Floats3(string key, int d0, int d1, int d2)
    {
        string path = Join(key);
        var outer = Rows(Expect(key, JsonValueKind.Array, "an array").Value, path, d0);
        int first = -1;
        var result = new float[outer.Length][][];
        for (int i = 0; i < outer.Length; i++)
        {
            var rows = Rows(outer[i], $"{path}[{i}]", d1 >= 0 ? d1 : first);
            first = rows.Length;
            result[i] = rows.Select((row, t) => Floats(row, $"{path}[{i}][{t}]", d2)).ToArray();
        }

        return result;
    }

    /// <summary>A [rows, cols] matrix of synapse polarities -1, 0, +1.</summary>
    public sbyte[,] Polarities(string key, int rows, int cols)
    {
        var values = Floats2(key, rows, cols);
        var matrix = new sbyte[rows, cols];
        for (int i = 0; i < rows; i++)
        for (int j = 0; j < cols; j++)
        {
            float v = values[i][j];
            matrix[i, j] = v is -1f or 0f or 1f ? (sbyte)v : throw Error($"{key}[{i}][{j}]", $"is {v}, expected -1, 0 or 1");
        }

        return matrix;
    }

    private JsonElement[] Rows(JsonElement array, string path, int expected)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"{_source}: '{path}' is {Describe(array)}, expected an array");
        }

        int length = array.GetArrayLength();
        if ((expected >= 0 && length != expected) || length == 0)
        {
            throw new InvalidDataException($"{_source}: '{path}' has {length} entries, expected {(expected >= 0 ? expected.ToString() : "at least 1")}");
        }

        return array.EnumerateArray().ToArray();
    }

    private float[] Floats(JsonElement array, string path, int expected)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"{_source}: '{path}' is {Describe(array)}, expected an array of numbers");
        }

        int length = array.GetArrayLength();
        if (expected >= 0 && length != expected)
        {
            throw new InvalidDataException($"{_source}: '{path}' has {length} values, expected {expected}");
        }

        var result = new float[length];
        int i = 0;
        foreach (var e in array.EnumerateArray())
        {
            result[i] = e.ValueKind == JsonValueKind.Number
                ? (float)e.GetDouble()
                : throw new InvalidDataException($"{_source}: '{path}[{i}]' is {Describe(e)}, expected a number");
            i++;
        }

        return result;
    }

    private JsonFields Expect(string key, JsonValueKind kind, string what)
    {
        var v = Get(key);
        return v.ValueKind == kind ? new JsonFields(v, _source, Join(key)) : throw Error(key, $"is {Describe(v)}, expected {what}");
    }

    private JsonElement Get(string key)
    {
        if (Value.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{_source}: '{(_path.Length == 0 ? "(root)" : _path)}' is {Describe(Value)}, expected an object");
        }

        return Value.TryGetProperty(key, out var v) ? v : throw Error(key, "is missing");
    }

    private string Join(string key) => _path.Length == 0 ? key : $"{_path}.{key}";

    private static string Describe(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{v.GetString()}\"",
        JsonValueKind.Number => $"the number {v.GetRawText()}",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.Null => "null",
        _ => v.ValueKind.ToString().ToLowerInvariant(),
    };
}
