using DroneLiquid.Liquid.Models;
using DroneLiquid.Liquid.Policies;
using DroneLiquid.Liquid.Tensors;

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

    /// <summary>Distance at which the goal-seeking policy's speed saturates, m (the observation scale).</summary>
    public const float GoalScaleMetres = 8f;

    /// <summary>The goal-seeking policy's top horizontal speed, m/s.</summary>
    public const float CruiseMetresPerSecond = 3f;

    /// <summary>
    /// A CfC whose weights are computed, not trained: with no backbone, no recurrence and identical ff1/ff2 heads the
    /// gate drops out and the cell gives h = tanh(W x), so W = identity on the goal observations (normalised by
    /// <see cref="GoalScaleMetres"/>) and an identity projection make the command
    /// v_body = <see cref="CruiseMetresPerSecond"/> · tanh(goal_body / <see cref="GoalScaleMetres"/>) (1 m/s vertically):
    /// a saturated proportional controller that flies to the goal and slows to a stop on it. Yaw rate is 0.
    /// </summary>
    /// <param name="projectionGain">Diagonal of the projection (1: the controller above).</param>
    /// <param name="projectionBias">Bias of the projection (0: the controller above).</param>
    public static string WriteGoalSeekingPolicy(string parent, float cruiseMetresPerSecond = CruiseMetresPerSecond, string name = "goal-seeking",
        float projectionGain = 1f, float projectionBias = 0f)
    {
        const int Units = 4;
        var spec = new CfcSpec(Observations.Length, Units, BackboneLayers: 0, ProjSize: 4);
        TensorDictionary weights = RandomWeights.Create(spec, 1);
        int width = Observations.Length + Units;
        foreach (NamedTensor tensor in weights.Tensors)
        {
            Array.Clear(tensor.Data);
            switch (tensor.Name)
            {
                case "rnn_cell.ff1.weight" or "rnn_cell.ff2.weight":
                    for (int axis = 0; axis < 3; axis++)
                    {
                        tensor.Data[(axis * width) + axis] = 1f; // unit k reads goal_body_{forward,right,down}
                    }

                    break;
                case "fc.weight":
                    for (int k = 0; k < 4; k++)
                    {
                        tensor.Data[(k * Units) + k] = projectionGain;
                    }

                    break;
                case "fc.bias":
                    Array.Fill(tensor.Data, projectionBias);
                    break;
            }
        }

        var document = new PolicyDocument(
            name,
            $"v_body = {cruiseMetresPerSecond} m/s * tanh(goal_body / {GoalScaleMetres} m): a CfC with computed weights (no backbone, no recurrence)",
            spec,
            Observations.Select(n => new ObservationInput(n, n.StartsWith("goal", StringComparison.Ordinal) ? "m" : "m/s", Std: n.StartsWith("goal", StringComparison.Ordinal) ? GoalScaleMetres : 1.0)).ToArray(),
            [
                new ActionOutput("velocity_body_forward", "m/s", Scale: cruiseMetresPerSecond),
                new ActionOutput("velocity_body_right", "m/s", Scale: cruiseMetresPerSecond),
                new ActionOutput("velocity_body_down", "m/s", Scale: 1.0),
                new ActionOutput("yaw_rate", "rad/s"),
            ],
            new PolicyProvenance("DroneLiquid.Service.Tests", DateTimeOffset.UnixEpoch, new Dictionary<string, string> { ["weights"] = "computed" }),
            new Dictionary<string, string>());
        string folder = Path.Combine(parent, name);
        PolicyFolder.Write(folder, document, weights);
        return folder;
    }
}
