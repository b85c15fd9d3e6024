using DroneLiquid.Liquid.Models;
using DroneLiquid.Liquid.Policies;
using DroneLiquid.Liquid.Tensors;
using DroneLiquid.Liquid.Wirings;

namespace DroneLiquid.Liquid.Tests.Policies;

/// <summary>Specs of every kind with weights that fit them (random values, masks from the wiring).</summary>
internal static class SamplePolicies
{
    public static readonly DateTimeOffset Created = new(2026, 11, 28, 7, 44, 30, 123, TimeSpan.Zero);

    public static IEnumerable<LiquidModelSpec> Specs()
    {
        yield return new CfcSpec(5, 8, CfcMode.Default, BackboneActivation.LecunTanh, 16, 1);
        yield return new CfcSpec(4, 6, CfcMode.Pure, BackboneActivation.Gelu, 12, 3, BackboneDropout: 0.25f, ProjSize: 2, MixedMemory: true);
        yield return new CfcSpec(3, 5, CfcMode.NoGate, BackboneActivation.Silu, 0, 0);
        yield return new WiredCfcSpec(8, WiringGenerators.AutoNcp(8, 19, 4), CfcMode.Default);
        yield return new WiredCfcSpec(6, WiringGenerators.Random(6, 10, 3, 0.4), CfcMode.Pure, ProjSize: 2, MixedMemory: true);
        yield return new LtcSpec(5, WiringGenerators.FullyConnected(5, 8, 3), LtcMapping.Linear, LtcMapping.None, 4, 1e-7f, ImplicitParamConstraints: false);
        yield return new LtcSpec(8, WiringGenerators.Ncp(8, new NcpParameters(5, 4, 2, 3, 2, 4, 2), seed: 9), MixedMemory: true);
    }

    public static TensorDictionary Weights(LiquidModelSpec spec, int seed = 1)
    {
        var random = new Random(seed);
        return new TensorDictionary(StateDictLayout.For(spec).Select(p => new NamedTensor(
            p.Name,
            p.Shape,
            StateDictLayout.ImpliedMask(spec, p.Name) ?? Enumerable.Range(0, (int)p.ValueCount).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray())));
    }

    public static PolicyDocument Document(LiquidModelSpec spec) => new(
        "sample",
        "a policy for tests: ünïcode and \"quotes\" survive",
        spec,
        Enumerable.Range(0, spec.InputSize).Select(i => new ObservationInput($"in_{i}", "m/s", 0.1 * i, 1.5 + i, i % 2 == 0 ? -10.0 : null, i % 2 == 0 ? 10.0 : null)).ToArray(),
        Enumerable.Range(0, spec.OutputSize).Select(i => new ActionOutput($"out_{i}", "rad/s", 2.0, -0.5, -1.0, 1.0)).ToArray(),
        new PolicyProvenance("tests", Created, new Dictionary<string, string> { ["training_data"] = "none", ["source_commit"] = "abc123" }),
        new Dictionary<string, string>());
}
