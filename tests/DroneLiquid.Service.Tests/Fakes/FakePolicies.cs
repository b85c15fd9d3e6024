using DroneLiquid.Liquid.Models;
using DroneLiquid.Liquid.Policies;

namespace DroneLiquid.Service.Tests.Fakes;

/// <summary>Small state policy folders for the service tests: observations the flight code computes, body-frame velocity outputs.</summary>
internal static class FakePolicies
{
    public static readonly string[] Observations = ["goal_body_forward", "goal_body_right", "goal_body_down", "velocity_body_forward", "velocity_body_right", "velocity_body_down"];

    /// <summary>Writes a random-weight CfC state policy under a new temporary folder and returns the policy folder.</summary>
    public static string WriteStatePolicy(string parent, int seed = 3)
    {
        var spec = new CfcSpec(Observations.Length, 8, BackboneUnits: 16, ProjSize: 4);
        var document = new PolicyDocument(
            "service-test",
            "random CfC for configuration and composition tests",
            spec,
            Observations.Select(n => new ObservationInput(n, n.StartsWith("goal", StringComparison.Ordinal) ? "m" : "m/s")).ToArray(),
            [new ActionOutput("velocity_body_forward", "m/s"), new ActionOutput("velocity_body_right", "m/s"), new ActionOutput("velocity_body_down", "m/s"), new ActionOutput("yaw_rate", "rad/s")],
            new PolicyProvenance("DroneLiquid.Service.Tests", DateTimeOffset.UnixEpoch, new Dictionary<string, string>()),
            new Dictionary<string, string>());
        string folder = Path.Combine(parent, "policy");
        PolicyFolder.Write(folder, document, RandomWeights.Create(spec, seed));
        return folder;
    }
}
