using Microsoft.ML.OnnxRuntime;

namespace DroneLiquid.Perception.Onnx;

/// <summary>Compares what a graph declares with what the caller expects and reports every difference in one message.</summary>
internal static class OnnxSignatureCheck
{
    /// <exception cref="OnnxModelException">Names, shapes or element types differ; the message lists expected and found.</exception>
    public static void Check(string path, string kind, IReadOnlyList<OnnxTensorSpec> expected, IReadOnlyDictionary<string, NodeMetadata> found)
    {
        var problems = new List<string>();
        foreach (var spec in expected)
        {
            if (!found.TryGetValue(spec.Name, out var meta))
            {
                problems.Add($"no {kind} '{spec.Name}'");
                continue;
            }

            if (!meta.IsTensor || meta.ElementDataType != spec.ElementType)
            {
                problems.Add($"{kind} '{spec.Name}' holds {(meta.IsTensor ? meta.ElementDataType.ToString().ToLowerInvariant() : meta.OnnxValueType.ToString())}, expected {spec.ElementType.ToString().ToLowerInvariant()}");
            }

            var dims = meta.Dimensions;
            bool shapeOk = dims.Length == spec.Shape.Length && dims.Zip(spec.Shape).All(p => p.First < 0 || p.First == p.Second);
            if (!shapeOk)
            {
                problems.Add($"{kind} '{spec.Name}' has shape {OnnxTensorSpec.FormatShape(dims)}, expected {OnnxTensorSpec.FormatShape(spec.Shape)}");
            }
        }

        foreach (var name in found.Keys.Where(n => expected.All(s => s.Name != n)))
        {
            problems.Add($"unexpected {kind} '{name}'");
        }

        if (problems.Count > 0)
        {
            throw new OnnxModelException(
                path,
                $"{string.Join("; ", problems)} (expected {kind}s {string.Join(", ", expected)}; found {string.Join(", ", found.Select(Describe))})");
        }
    }

    private static string Describe(KeyValuePair<string, NodeMetadata> entry) =>
        $"{entry.Key} {OnnxTensorSpec.FormatShape(entry.Value.Dimensions)} {(entry.Value.IsTensor ? entry.Value.ElementDataType.ToString().ToLowerInvariant() : entry.Value.OnnxValueType.ToString())}";
}
