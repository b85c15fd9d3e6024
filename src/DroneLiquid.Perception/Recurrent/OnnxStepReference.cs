using System.Text.Json;
using DroneLiquid.Perception.Onnx;

namespace DroneLiquid.Perception.Recurrent;

/// <summary>
/// A reference file for a single-step ONNX graph (<c>*_step.json</c> beside its <c>.onnx</c>): the graph's
/// signature, its SHA-256, the name of the ncps vector file with the same weights, and recorded pairs.
/// </summary>
public sealed record OnnxStepReference(string Path, string OnnxPath, string OnnxSha256, string? SameWeightsAs, OnnxStepSignature Signature, IReadOnlyList<OnnxStepPair> Pairs)
{
    /// <summary>True for a path that looks like a step reference (<c>*_step.json</c>).</summary>
    public static bool IsStepReference(string path) => path.EndsWith("_step.json", StringComparison.OrdinalIgnoreCase) && File.Exists(path);

    /// <exception cref="OnnxModelException">Missing file, malformed JSON, or a key missing or of the wrong shape (named).</exception>
    public static OnnxStepReference Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new OnnxModelException(path, "no such step reference file");
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var root = doc.RootElement;
            string onnxFile = Get(root, "onnx_file").GetString() ?? throw new InvalidDataException("onnx_file is null");
            int inSize = Width(Get(Get(root, "inputs"), "x"), "inputs.x");
            int units = Width(Get(Get(root, "inputs"), "h"), "inputs.h");
            int outSize = Width(Get(Get(root, "outputs"), "y"), "outputs.y");
            var signature = new OnnxStepSignature(inSize, units, outSize);
            var pairs = new List<OnnxStepPair>();
            int index = 0;
            foreach (var pair in Get(root, "pairs").EnumerateArray())
            {
                string at = $"pairs[{index++}]";
                pairs.Add(new OnnxStepPair(
                    Row(pair, "x", inSize, at), Row(pair, "h", units, at), Row(pair, "ts", 1, at)[0], Row(pair, "y", outSize, at), Row(pair, "h_next", units, at)));
            }

            if (pairs.Count == 0)
            {
                throw new InvalidDataException("pairs is empty");
            }

            string onnxPath = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!, onnxFile);
            string? same = root.TryGetProperty("same_weights_as", out var s) ? s.GetString() : null;
            return new OnnxStepReference(path, onnxPath, Get(root, "onnx_sha256").GetString() ?? "", same, signature, pairs);
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException or InvalidOperationException or FormatException)
        {
            throw new OnnxModelException(path, ex.Message, ex);
        }
    }

    private static JsonElement Get(JsonElement parent, string key) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(key, out var value) ? value : throw new InvalidDataException($"key '{key}' is missing");

    private static int Width(JsonElement shape, string key)
    {
        var dims = shape.EnumerateArray().Select(d => d.GetInt32()).ToArray();
        return dims.Length == 2 && dims[0] == 1 && dims[1] > 0 ? dims[1] : throw new InvalidDataException($"{key} is {OnnxTensorSpec.FormatShape(dims)}, expected [1, n]");
    }

    private static float[] Row(JsonElement pair, string key, int width, string at)
    {
        var rows = Get(pair, key).EnumerateArray().ToArray();
        var values = rows.Length == 1 ? rows[0].EnumerateArray().Select(v => v.GetSingle()).ToArray() : [];
        return values.Length == width ? values : throw new InvalidDataException($"{at}.{key} is not [1, {width}]");
    }
}
