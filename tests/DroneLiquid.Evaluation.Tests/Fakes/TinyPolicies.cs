using DroneLiquid.Liquid.Models;
using DroneLiquid.Liquid.Policies;
using DroneLiquid.Perception.Vision;

namespace DroneLiquid.Evaluation.Tests.Fakes;

/// <summary>
/// Policy folders with random weights whose observations and actions use catalogue names: they fly badly, but through
/// exactly the pipeline a trained policy takes (policy folder, FlightPolicy, decoder, controller).
/// </summary>
internal static class TinyPolicies
{
    private static readonly string[] Observations = ["goal_body_forward", "goal_body_right", "goal_body_down", "velocity_body_forward", "velocity_body_right", "yaw_sin"];

    private static readonly ActionOutput[] Actions =
    [
        new("velocity_body_forward", "m/s", Scale: 2, Min: -3, Max: 3),
        new("velocity_body_right", "m/s", Scale: 2, Min: -3, Max: 3),
        new("velocity_body_down", "m/s", Scale: 0.5, Min: -1, Max: 1),
        new("yaw_rate", "rad/s", Min: -1, Max: 1),
    ];

    public static string State(int seed = 1)
    {
        var spec = new CfcSpec(Observations.Length, 8, BackboneUnits: 16, ProjSize: Actions.Length);
        string folder = Path.Combine(TestFolders.Create(), "state-policy");
        PolicyFolder.Write(folder, Document("tiny-state", spec, Observations), RandomWeights.Create(spec, seed));
        return folder;
    }

    /// <summary>A vision policy: the five-convolution trunk at 32x24 with 6 features, then the CfC on [features, observations].</summary>
    public static string Vision(int seed = 1)
    {
        const int features = 6;
        PerceptionSpec perception = ConvTrunk.SpecFor(32, 24, features);
        var spec = new CfcSpec(features + Observations.Length, 8, BackboneUnits: 16, ProjSize: Actions.Length);
        string dir = TestFolders.Create();
        string onnx = Path.Combine(dir, "trunk.onnx");
        File.WriteAllBytes(onnx, ConvTrunk.Create(perception, seed));
        string folder = Path.Combine(dir, "vision-policy");
        Directory.CreateDirectory(folder);

        // As the training export writes a vision folder: policy.json lists only the observations after the image features.
        Safetensors.WriteFile(Path.Combine(folder, PolicyFolder.WeightsFileName), StateDictLayout.InLayoutOrder(spec, RandomWeights.Create(spec, seed)),
            new Dictionary<string, string> { ["format"] = "pt" });
        File.Copy(onnx, Path.Combine(folder, PolicyFolder.PerceptionFileName));
        var document = Document("tiny-vision", spec, Observations) with
        {
            Files = new Dictionary<string, string>
            {
                [PolicyFolder.WeightsFileName] = PolicyFolder.Sha256(Path.Combine(folder, PolicyFolder.WeightsFileName)),
                [PolicyFolder.PerceptionFileName] = PolicyFolder.Sha256(Path.Combine(folder, PolicyFolder.PerceptionFileName)),
            },
        };
        File.WriteAllText(Path.Combine(folder, PolicyFolder.PolicyFileName), PolicyJson.Write(document));
        return folder;
    }

    private static PolicyDocument Document(string name, LiquidModelSpec spec, IReadOnlyList<string> observations) => new(
        name,
        "random weights for pipeline tests",
        spec,
        observations.Select(o => new ObservationInput(o, "1", Std: o.StartsWith("goal", StringComparison.Ordinal) ? 20 : 1)).ToArray(),
        Actions,
        new PolicyProvenance("evaluation tests", DateTimeOffset.UnixEpoch, new Dictionary<string, string>()),
        new Dictionary<string, string>());
}
