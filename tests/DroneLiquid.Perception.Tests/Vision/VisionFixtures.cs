using DroneLiquid.Liquid.Models;
using DroneLiquid.Liquid.Policies;
using DroneLiquid.Perception.Vision;

namespace DroneLiquid.Perception.Tests.Vision;

/// <summary>A small vision policy: the trunk at 64x48 with 12 features feeding a CfC that also takes 2 observations.</summary>
internal static class VisionFixtures
{
    public const int Features = 12;

    public static readonly PerceptionSpec Spec = ConvTrunk.SpecFor(64, 48, Features);

    public static readonly CfcSpec Liquid = new(Features + 2, 8, BackboneUnits: 16, ProjSize: 3);

    public static float[] Image(int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, Spec.ImageLength).Select(_ => random.NextSingle()).ToArray();
    }

    /// <summary>Writes a policy folder with perception.onnx and returns its directory.</summary>
    public static string WriteFolder(bool withPerception = true)
    {
        string dir = TestFiles.TempDirectory();
        string onnx = Path.Combine(dir, "trunk.onnx");
        File.WriteAllBytes(onnx, ConvTrunk.Create(Spec, 1));
        var document = new PolicyDocument(
            "vision-test",
            "trunk + CfC",
            Liquid,
            // A vision policy lists only the observations after the image features; without perception every input is one.
            Enumerable.Range(0, Liquid.InputSize).Skip(withPerception ? Features : 0).Select(i => new ObservationInput(i < Features ? $"feature_{i}" : $"obs_{i}", "1")).ToArray(),
            Enumerable.Range(0, 3).Select(i => new ActionOutput($"velocity_frd_{i}", "m/s")).ToArray(),
            new PolicyProvenance("tests", DateTimeOffset.UnixEpoch, new Dictionary<string, string>()),
            new Dictionary<string, string>());
        string folder = Path.Combine(dir, "policy");
        PolicyFolder.Write(folder, document, RandomWeights.Create(Liquid, 2), withPerception ? onnx : null);
        return folder;
    }
}
