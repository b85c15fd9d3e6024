using DroneLiquid.Liquid.Models;
using DroneLiquid.Liquid.Policies;
using DroneLiquid.Perception.Vision;

namespace DroneLiquid.Flight.Policies;

/// <summary>
/// Writes policy folders with seeded random weights and the flight code's real observation and action names:
/// a state policy (goal and velocity in the heading frame, yaw) and a vision policy (the
/// <see cref="ConvTrunk"/> perception graph plus the same state observations). They fly nowhere useful; they
/// exist to time the tick (<c>droneliquid bench tick</c>), to exercise the whole path in tests, and to check
/// plumbing before a trained policy is available.
/// </summary>
public static class UntrainedPolicy
{
    /// <summary>The state observations both policies take, in order.</summary>
    public static readonly IReadOnlyList<ObservationInput> StateObservations =
    [
        new("goal_body_forward", "m", Std: 10), new("goal_body_right", "m", Std: 10), new("goal_body_down", "m", Std: 5),
        new("velocity_body_forward", "m/s", Std: 2), new("velocity_body_right", "m/s", Std: 2), new("velocity_body_down", "m/s", Std: 1),
        new("yaw_sin", "1"), new("yaw_cos", "1"),
    ];

    /// <summary>The actions both policies give: a heading-frame velocity and a yaw rate.</summary>
    public static readonly IReadOnlyList<ActionOutput> Actions =
    [
        new("velocity_body_forward", "m/s", Scale: 2), new("velocity_body_right", "m/s", Scale: 2),
        new("velocity_body_down", "m/s", Scale: 0.5), new("yaw_rate", "rad/s", Scale: 0.5),
    ];

    /// <summary>Writes a state policy (CfC, 16 units) into <paramref name="directory"/> and returns the folder.</summary>
    public static string WriteState(string directory, int seed = 1, IReadOnlyList<ActionOutput>? actions = null)
    {
        var spec = new CfcSpec(StateObservations.Count, 16, BackboneUnits: 32, ProjSize: 4);
        var document = Document("untrained-state", "random weights: state observations to a heading-frame velocity", spec, StateObservations, actions ?? Actions);
        PolicyFolder.Write(directory, document, RandomWeights.Create(spec, seed));
        return directory;
    }

    /// <summary>
    /// Writes a vision policy (the conv trunk at <paramref name="width"/>x<paramref name="height"/> giving
    /// <paramref name="features"/> features, then a CfC of 16 units) into <paramref name="directory"/>.
    /// </summary>
    public static string WriteVision(string directory, int width = 128, int height = 96, int features = 16, int seed = 1)
    {
        var spec = new CfcSpec(features + StateObservations.Count, 16, BackboneUnits: 32, ProjSize: 4);
        var document = Document("untrained-vision", "random weights: conv trunk features and state observations to a heading-frame velocity", spec, StateObservations, Actions);
        Directory.CreateDirectory(directory);
        string graph = Path.Combine(Path.GetTempPath(), $"droneliquid-trunk-{Guid.NewGuid():N}.onnx");
        try
        {
            File.WriteAllBytes(graph, ConvTrunk.Create(ConvTrunk.SpecFor(width, height, features), seed));
            PolicyFolder.Write(directory, document, RandomWeights.Create(spec, seed), graph);
        }
        finally
        {
            File.Delete(graph);
        }

        return directory;
    }

    private static PolicyDocument Document(string name, string description, LiquidModelSpec spec, IReadOnlyList<ObservationInput> observations, IReadOnlyList<ActionOutput> actions) => new(
        name,
        description,
        spec,
        observations,
        actions,
        new PolicyProvenance("droneliquid UntrainedPolicy", DateTimeOffset.UnixEpoch, new Dictionary<string, string> { ["weights"] = "seeded random, untrained" }),
        new Dictionary<string, string>());
}
