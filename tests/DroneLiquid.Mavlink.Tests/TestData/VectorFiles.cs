using System.Text.Json;

namespace DroneLiquid.Mavlink.Tests.TestData;

/// <summary>The conformance files copied into Vectors/ (the csproj copies them beside the test assembly).</summary>
public static class VectorFiles
{
    private static readonly Lazy<IReadOnlyList<ConformanceVector>> AllVectors = new(() =>
        File.ReadLines(PathOf("vectors.jsonl")).Where(l => l.Length > 0).Select(ConformanceVector.Parse).ToList());

    public static string PathOf(string fileName) => Path.Combine(AppContext.BaseDirectory, "Vectors", fileName);

    public static IReadOnlyList<ConformanceVector> Vectors => AllVectors.Value;

    public static JsonElement ReadJson(string fileName) => JsonDocument.Parse(File.ReadAllBytes(PathOf(fileName))).RootElement;
}
