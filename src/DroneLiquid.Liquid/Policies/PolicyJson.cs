using System.Text;
using System.Text.Json;
using DroneLiquid.Liquid.Models;

namespace DroneLiquid.Liquid.Policies;

/// <summary>Writes and reads policy.json, reporting every problem of a file at once (key, value, what is allowed).</summary>
public static class PolicyJson
{
    private static readonly string[] TopKeys = ["format_version", "name", "description", "architecture", "observation", "action", "provenance", "files"];

    public static string Write(PolicyDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("format_version", PolicyDocument.FormatVersion);
            w.WriteString("name", document.Name);
            w.WriteString("description", document.Description);
            w.WritePropertyName("architecture");
            ArchitectureJson.Write(w, document.Architecture);
            w.WriteStartObject("observation");
            w.WriteStartArray("inputs");
            foreach (var input in document.Observations)
            {
                WriteEntry(w, input.Name, input.Unit, ("mean", input.Mean), ("std", input.Std), input.Min, input.Max);
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartObject("action");
            w.WriteStartArray("outputs");
            foreach (var output in document.Actions)
            {
                WriteEntry(w, output.Name, output.Unit, ("scale", output.Scale), ("offset", output.Offset), output.Min, output.Max);
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartObject("provenance");
            w.WriteString("tool", document.Provenance.Tool);
            w.WriteString("created_utc", document.Provenance.CreatedUtc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            foreach (var (key, value) in document.Provenance.Details) w.WriteString(key, value);
            w.WriteEndObject();
            w.WriteStartObject("files");
            foreach (var (file, hash) in document.Files.OrderBy(f => f.Key, StringComparer.Ordinal)) w.WriteString(file, hash);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <param name="source">The file name used in messages.</param>
    /// <exception cref="PolicyFormatException">One line per problem.</exception>
    public static PolicyDocument Parse(string json, string source)
    {
        var problems = new JsonProblems(source);
        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new PolicyFormatException([$"{source}: not valid JSON: {ex.Message}"]);
        }

        using (parsed)
        {
            var root = JsonCursor.Root(parsed, problems);
            if (parsed.RootElement.ValueKind != JsonValueKind.Object)
            {
                problems.Add("", $"must hold one JSON object, got {parsed.RootElement.ValueKind}");
                problems.ThrowIfAny();
            }

            root.RejectUnknownKeys("policy.json", TopKeys);
            root.Int("format_version", PolicyDocument.FormatVersion, PolicyDocument.FormatVersion);
            string? name = root.String("name");
            string? description = root.String("description", allowEmpty: true);
            var architecture = root.Object("architecture") is { } a ? ArchitectureJson.Read(a) : null;
            var files = root.Object("files") is { } f ? ReadFiles(f) : null;
            bool vision = files?.ContainsKey(PolicyFolder.PerceptionFileName) == true;
            var observations = root.Object("observation") is { } o ? ReadObservations(o, architecture, vision) : null;
            var actions = root.Object("action") is { } act ? ReadActions(act, architecture) : null;
            var provenance = root.Object("provenance") is { } p ? ReadProvenance(p) : null;
            problems.ThrowIfAny();
            return new PolicyDocument(name!, description!, architecture!, observations!, actions!, provenance!, files!);
        }
    }

    private static ObservationInput[]? ReadObservations(JsonCursor c, LiquidModelSpec? architecture, bool vision)
    {
        c.RejectUnknownKeys("observation", "inputs");
        if (c.Array("inputs") is not { } items)
        {
            return null;
        }

        if (architecture is not null && ObservationWidthProblem(items.Count, architecture.InputSize, vision) is { } problem)
        {
            c.Problem("inputs", problem);
        }

        var inputs = items.Select(i =>
        {
            i.RejectUnknownKeys("observation input", "name", "unit", "mean", "std", "min", "max");
            var (name, unit) = (i.String("name"), i.String("unit", allowEmpty: true));
            var mean = i.Number("mean");
            var std = i.Number("std", check: s => s > 0 ? null : "std must be > 0");
            var (min, max) = ReadRange(i);
            return name is null || unit is null || mean is null || std is null ? null : new ObservationInput(name, unit, mean.Value, std.Value, min, max);
        }).ToArray();
        CheckUniqueNames(c, "inputs", items, inputs.Select(x => x?.Name));
        return inputs.Any(x => x is null) ? null : inputs.Select(x => x!).ToArray();
    }

    /// <summary>
    /// A state policy lists one observation per network input. A vision policy (with perception.onnx) lists only
    /// the observations after the image features, which come first; the graph's feature count is checked when
    /// the perception network is opened.
    /// </summary>
    internal static string? ObservationWidthProblem(int observations, int inputSize, bool vision) =>
        vision
            ? observations < inputSize ? null : $"has {observations} entries, but a vision policy's architecture (input_size = {inputSize}) takes the image features first, so fewer are allowed"
            : observations == inputSize ? null : $"has {observations} entries, but the architecture takes input_size = {inputSize}";

    private static ActionOutput[]? ReadActions(JsonCursor c, LiquidModelSpec? architecture)
    {
        c.RejectUnknownKeys("action", "outputs");
        if (c.Array("outputs") is not { } items)
        {
            return null;
        }

        if (architecture is not null && items.Count != architecture.OutputSize)
        {
            c.Problem("outputs", $"has {items.Count} entries, but the architecture produces {architecture.OutputSize} outputs");
        }

        var outputs = items.Select(i =>
        {
            i.RejectUnknownKeys("action output", "name", "unit", "scale", "offset", "min", "max");
            var (name, unit) = (i.String("name"), i.String("unit", allowEmpty: true));
            var (scale, offset) = (i.Number("scale"), i.Number("offset"));
            var (min, max) = ReadRange(i);
            return name is null || unit is null || scale is null || offset is null ? null : new ActionOutput(name, unit, scale.Value, offset.Value, min, max);
        }).ToArray();
        CheckUniqueNames(c, "outputs", items, outputs.Select(x => x?.Name));
        return outputs.Any(x => x is null) ? null : outputs.Select(x => x!).ToArray();
    }

    private static (double? Min, double? Max) ReadRange(JsonCursor c)
    {
        var (min, max) = (c.Number("min", required: false), c.Number("max", required: false));
        if (min > max)
        {
            c.Problem("max", $"{max} is below min {min}; the range must have min <= max");
        }

        return (min, max);
    }

    private static void CheckUniqueNames(JsonCursor c, string key, IReadOnlyList<JsonCursor> items, IEnumerable<string?> names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int i = 0;
        foreach (string? name in names)
        {
            if (name is not null && !seen.Add(name))
            {
                c.Problems.Add(items[i].PathOf("name"), $"'{name}' appears twice in {c.PathOf(key)}; names must be unique");
            }

            i++;
        }
    }

    private static PolicyProvenance? ReadProvenance(JsonCursor c)
    {
        string? tool = c.String("tool");
        string? created = c.String("created_utc");
        DateTimeOffset createdUtc = default;
        if (created is not null && !DateTimeOffset.TryParse(created, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out createdUtc))
        {
            c.Problem("created_utc", $"'{created}' is not a UTC time; expected ISO 8601 such as 2026-11-28T07:44:30.000Z");
            created = null;
        }

        var details = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in c.Element.EnumerateObject().Where(p => p.Name is not "tool" and not "created_utc"))
        {
            if (c.String(property.Name, allowEmpty: true) is { } text)
            {
                details[property.Name] = text;
            }
        }

        return tool is null || created is null ? null : new PolicyProvenance(tool, createdUtc, details);
    }

    private static Dictionary<string, string>? ReadFiles(JsonCursor c)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in c.Element.EnumerateObject())
        {
            if (!PolicyFolder.IsPlainFileName(property.Name) || property.Name == PolicyFolder.PolicyFileName)
            {
                c.Problem(property.Name, "is not allowed; files lists plain file names in the policy folder other than policy.json");
                continue;
            }

            if (c.String(property.Name) is { } hash)
            {
                if (hash.Length == 64 && hash.All(char.IsAsciiHexDigitLower))
                {
                    files[property.Name] = hash;
                }
                else
                {
                    c.Problem(property.Name, $"'{hash}' is not a SHA-256; expected 64 lowercase hex digits");
                }
            }
        }

        if (!files.ContainsKey(PolicyFolder.WeightsFileName) && !c.Has(PolicyFolder.WeightsFileName))
        {
            c.Problem(PolicyFolder.WeightsFileName, "is missing; every policy has weights.safetensors and its SHA-256");
        }

        return files;
    }

    private static void WriteEntry(Utf8JsonWriter w, string name, string unit, (string Key, double Value) first, (string Key, double Value) second, double? min, double? max)
    {
        w.WriteStartObject();
        w.WriteString("name", name);
        w.WriteString("unit", unit);
        w.WriteNumber(first.Key, first.Value);
        w.WriteNumber(second.Key, second.Value);
        WriteBound(w, "min", min);
        WriteBound(w, "max", max);
        w.WriteEndObject();
    }

    private static void WriteBound(Utf8JsonWriter w, string key, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(key, v);
        }
        else
        {
            w.WriteNull(key);
        }
    }
}
