using DroneLiquid.Liquid.Models;
using DroneLiquid.Liquid.Tensors;
using DroneLiquid.Liquid.Wirings;
using DroneLiquid.Perception.Export;
using Onnx;

namespace DroneLiquid.Perception.Tests.Export;

public class LiquidOnnxExporterTests
{
    private const float Tolerance = 1e-5f;

    public static TheoryData<string> ReferenceModels => TestFiles.ReferenceModelNames;

    public static TheoryData<string> Variants => new(VariantSpecs.Keys.ToArray());

    private static Dictionary<string, LiquidModelSpec> VariantSpecs { get; } = new()
    {
        ["cfc no backbone"] = new CfcSpec(4, 6, BackboneLayers: 0),
        ["cfc tanh backbone 2 layers, dropout"] = new CfcSpec(4, 6, Activation: BackboneActivation.Tanh, BackboneUnits: 10, BackboneLayers: 2, BackboneDropout: 0.2f),
        ["cfc relu backbone 3 layers"] = new CfcSpec(4, 6, Activation: BackboneActivation.Relu, BackboneUnits: 10, BackboneLayers: 3),
        ["cfc silu backbone"] = new CfcSpec(4, 6, Activation: BackboneActivation.Silu, BackboneUnits: 12),
        ["cfc gelu backbone"] = new CfcSpec(4, 6, Activation: BackboneActivation.Gelu, BackboneUnits: 12),
        ["cfc pure, proj"] = new CfcSpec(4, 6, Mode: CfcMode.Pure, ProjSize: 3),
        ["cfc no_gate, mixed memory"] = new CfcSpec(4, 6, Mode: CfcMode.NoGate, MixedMemory: true),
        ["cfc default, mixed memory, proj"] = new CfcSpec(4, 6, ProjSize: 2, MixedMemory: true),
        ["wired cfc ncp, proj"] = new WiredCfcSpec(5, WiringGenerators.AutoNcp(5, 16, 3), ProjSize: 2),
        ["wired cfc pure, mixed memory"] = new WiredCfcSpec(5, WiringGenerators.AutoNcp(5, 16, 3), Mode: CfcMode.Pure, MixedMemory: true),
        ["wired cfc fully connected no_gate"] = new WiredCfcSpec(3, WiringGenerators.FullyConnected(3, 7, 2), Mode: CfcMode.NoGate),
        ["ltc fully connected linear mapping"] = new LtcSpec(3, WiringGenerators.FullyConnected(3, 7, 2), InputMapping: LtcMapping.Linear, OutputMapping: LtcMapping.None),
        ["ltc ncp unconstrained, 3 unfolds"] = new LtcSpec(5, WiringGenerators.AutoNcp(5, 12, 2), OdeUnfolds: 3, ImplicitParamConstraints: false),
        ["ltc ncp mixed memory"] = new LtcSpec(5, WiringGenerators.AutoNcp(5, 12, 2), MixedMemory: true),
    };

    [Theory]
    [MemberData(nameof(ReferenceModels))]
    public void Every_reference_model_matches_the_native_runtime_over_irregular_sequences(string file)
    {
        var source = TestFiles.LoadModel(file);
        var inputs = source.Reference!.Inputs[0];
        double worst = ExportRoundTrip.MaxDifference(source.Spec, source.Weights, inputs, ExportRoundTrip.IrregularElapsed(inputs.Length, 11));
        Assert.True(worst <= Tolerance, $"{file}: ONNX differs from native by {worst}");
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Every_architecture_variant_matches_the_native_runtime(string variant)
    {
        var spec = VariantSpecs[variant];
        var weights = RandomWeights.Create(spec, 5);
        double worst = ExportRoundTrip.MaxDifference(spec, weights, ExportRoundTrip.SineInputs(40, spec.InputSize), ExportRoundTrip.IrregularElapsed(40, 3));
        Assert.True(worst <= Tolerance, $"{variant}: ONNX differs from native by {worst}");
    }

    [Fact]
    public void Ltc_with_zero_elapsed_time_keeps_its_state_like_the_native_cell()
    {
        var source = TestFiles.LoadModel("ltc_fc8.json");
        var inputs = source.Reference!.Inputs[0][..10];
        var elapsed = ExportRoundTrip.IrregularElapsed(10, 2);
        elapsed[4] = 0f;
        Assert.True(ExportRoundTrip.MaxDifference(source.Spec, source.Weights, inputs, elapsed) <= Tolerance);
    }

    [Fact]
    public void Graph_is_opset_13_with_the_ncps_step_signature()
    {
        var source = TestFiles.LoadModel("wiredcfc_autoncp19.json");
        var model = ModelProto.Parser.ParseFrom(LiquidOnnxExporter.Export(source.Spec, source.Weights));
        Assert.Equal(13, model.OpsetImport.Single().Version);
        Assert.Equal(["x", "h", "ts"], model.Graph.Input.Select(i => i.Name));
        Assert.Equal(["y", "h_next"], model.Graph.Output.Select(o => o.Name));
        Assert.Equal([1L, 19L], model.Graph.Output[1].Type.TensorType.Shape.Dim.Select(d => d.DimValue));
    }

    [Fact]
    public void Weights_that_do_not_fit_are_refused_with_the_native_message()
    {
        var spec = new CfcSpec(4, 6);
        var weights = RandomWeights.Create(spec, 1);
        var broken = new TensorDictionary(weights.Tensors.Where(t => t.Name != "rnn_cell.ff2.bias"));
        var ex = Assert.Throws<InvalidDataException>(() => LiquidOnnxExporter.Export(spec, broken));
        Assert.Contains("rnn_cell.ff2.bias", ex.Message);
    }
}
