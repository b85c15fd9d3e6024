using DroneLiquid.Liquid.Models;
using DroneLiquid.Liquid.Tests.Reference;

namespace DroneLiquid.Liquid.Tests.Models;

/// <summary>Named architectures covering every option, for theories.</summary>
internal static class TestSpecs
{
    public static readonly IReadOnlyDictionary<string, LiquidModelSpec> All = new Dictionary<string, LiquidModelSpec>
    {
        ["cfc-default-lecun"] = new CfcSpec(4, 6, CfcMode.Default, BackboneActivation.LecunTanh, BackboneUnits: 10),
        ["cfc-nogate-tanh-2layers"] = new CfcSpec(4, 6, CfcMode.NoGate, BackboneActivation.Tanh, BackboneUnits: 9, BackboneLayers: 2),
        ["cfc-pure-relu-3layers-dropout"] = new CfcSpec(4, 6, CfcMode.Pure, BackboneActivation.Relu, BackboneUnits: 12, BackboneLayers: 3, BackboneDropout: 0.3f),
        ["cfc-default-silu"] = new CfcSpec(4, 6, CfcMode.Default, BackboneActivation.Silu, BackboneUnits: 10),
        ["cfc-default-gelu"] = new CfcSpec(4, 6, CfcMode.Default, BackboneActivation.Gelu, BackboneUnits: 10),
        ["cfc-default-no-backbone"] = new CfcSpec(4, 6, BackboneLayers: 0),
        ["cfc-pure-no-backbone"] = new CfcSpec(4, 6, CfcMode.Pure, BackboneLayers: 0),
        ["cfc-mixed-memory-proj"] = new CfcSpec(4, 6, BackboneUnits: 10, ProjSize: 3, MixedMemory: true),
        ["cfc-pure-mixed-memory"] = new CfcSpec(4, 6, CfcMode.Pure, BackboneUnits: 10, MixedMemory: true),
        ["wired-default"] = new WiredCfcSpec(3, TestWirings.SmallNcp()),
        ["wired-nogate-proj-mixed"] = new WiredCfcSpec(3, TestWirings.SmallNcp(), CfcMode.NoGate, ProjSize: 2, MixedMemory: true),
        ["wired-pure"] = new WiredCfcSpec(3, TestWirings.SmallNcp(), CfcMode.Pure),
        ["ltc-ncp-affine"] = new LtcSpec(3, TestWirings.SmallNcp()),
        ["ltc-fc-linear-none-unconstrained"] = new LtcSpec(3, TestWirings.FullyConnected(5, 3, 7), LtcMapping.Linear, LtcMapping.None, OdeUnfolds: 4, ImplicitParamConstraints: false),
        ["ltc-ncp-mixed-memory"] = new LtcSpec(3, TestWirings.SmallNcp(), OdeUnfolds: 3, MixedMemory: true),
    };

    public static TheoryData<string> Names => new(All.Keys);

    /// <summary>A spec of <see cref="All"/> with seeded random weights, or "file:name.json" for a reference file's model.</summary>
    public static LiquidModel Build(string name, int seed = 2)
    {
        if (name.StartsWith("file:", StringComparison.Ordinal))
        {
            var reference = ReferenceFiles.Load(name[5..]);
            return LiquidModel.Create(reference.Spec, reference.Weights);
        }

        return LiquidModel.Create(All[name], RandomWeights.Create(All[name], seed));
    }
}
