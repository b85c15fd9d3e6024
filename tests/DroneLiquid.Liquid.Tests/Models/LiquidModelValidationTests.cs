using DroneLiquid.Liquid.Models;
using DroneLiquid.Liquid.Tensors;
using DroneLiquid.Liquid.Tests.Reference;

namespace DroneLiquid.Liquid.Tests.Models;

/// <summary>Loading checks every tensor: one clear message naming the key and expected vs actual.</summary>
public class LiquidModelValidationTests
{
    private static TensorDictionary Replace(TensorDictionary source, string name, Func<NamedTensor, NamedTensor?> change) =>
        new(source.Tensors.Select(t => t.Name == name ? change(t) : t).OfType<NamedTensor>());

    [Fact]
    public void AMissingTensorIsNamedWithItsExpectedShape()
    {
        var reference = ReferenceFiles.Load("cfc_default.json");
        var weights = Replace(reference.Weights, "rnn_cell.ff2.weight", _ => null);
        var error = Assert.Throws<InvalidDataException>(() => LiquidModel.Create(reference.Spec, weights));
        Assert.Equal("tensor 'rnn_cell.ff2.weight' is missing (expected shape [8, 16])", error.Message);
    }

    [Fact]
    public void AWrongShapeIsNamedWithExpectedAndActual()
    {
        var reference = ReferenceFiles.Load("cfc_default.json");
        var weights = Replace(reference.Weights, "rnn_cell.backbone.0.weight", t => new NamedTensor(t.Name, [13, 16], t.Data));
        var error = Assert.Throws<InvalidDataException>(() => LiquidModel.Create(reference.Spec, weights));
        Assert.Equal("tensor 'rnn_cell.backbone.0.weight' has shape [13, 16], expected [16, 13]", error.Message);
    }

    [Fact]
    public void AnUnexpectedExtraTensorIsReported()
    {
        var reference = ReferenceFiles.Load("cfc_pure.json");
        var weights = new TensorDictionary(reference.Weights.Tensors.Append(new NamedTensor("rnn_cell.ff2.weight", [8, 16], new float[128])));
        var error = Assert.Throws<InvalidDataException>(() => LiquidModel.Create(reference.Spec, weights));
        Assert.Contains("unexpected tensor 'rnn_cell.ff2.weight'", error.Message);
        Assert.Contains("mode Pure", error.Message);
    }

    [Fact]
    public void AMaskThatDisagreesWithTheWiringIsNamedWithTheElement()
    {
        var reference = ReferenceFiles.Load("wiredcfc_autoncp19.json");
        var weights = Replace(reference.Weights, "rnn_cell.layer_1.sparsity_mask", t => new NamedTensor(t.Name, t.Shape, t.Data.Select((v, i) => i == 0 ? 1f - v : v).ToArray()));
        var error = Assert.Throws<InvalidDataException>(() => LiquidModel.Create(reference.Spec, weights));
        Assert.StartsWith("tensor 'rnn_cell.layer_1.sparsity_mask' element [0, 0] is", error.Message);
    }

    [Fact]
    public void ANonFiniteWeightIsNamedWithItsIndex()
    {
        var reference = ReferenceFiles.Load("ltc_fc8.json");
        var weights = Replace(reference.Weights, "rnn_cell.sigma", t => new NamedTensor(t.Name, t.Shape, t.Data.Select((v, i) => i == 10 ? float.NaN : v).ToArray()));
        var error = Assert.Throws<InvalidDataException>(() => LiquidModel.Create(reference.Spec, weights));
        Assert.Equal("tensor 'rnn_cell.sigma' element [1, 2] is NaN, expected a finite value", error.Message);
    }

    [Fact]
    public void AnInputSizeThatDisagreesWithTheWiringIsNamed()
    {
        var spec = new WiredCfcSpec(5, TestWirings.SmallNcp());
        var error = Assert.Throws<ArgumentException>(() => LiquidModel.Create(spec, new TensorDictionary()));
        Assert.Equal("input_size is 5 but the wiring's sensory matrix has 3 inputs", error.Message);
    }

    [Fact]
    public void ParameterCountsSeparateTrainableValuesFromMasks()
    {
        var dense = LiquidModel.Create(ReferenceFiles.Load("cfc_default.json").Spec, ReferenceFiles.Load("cfc_default.json").Weights);
        Assert.Equal(16 * 13 + 16 + 4 * (8 * 16 + 8), dense.TrainableParameterCount);
        Assert.Equal(0, dense.MaskValueCount);

        var wired = ReferenceFiles.Load("wiredcfc_autoncp19.json");
        var model = LiquidModel.Create(wired.Spec, wired.Weights);
        Assert.Equal(9 * 17 + 6 * 15 + 4 * 10, model.MaskValueCount);
        Assert.Equal(wired.Weights.ValueCount - model.MaskValueCount, model.TrainableParameterCount);
        Assert.Equal(wired.Weights.Tensors.Select(t => t.Name).Order(), model.Parameters.Select(p => p.Name).Order());
    }

    [Fact]
    public void KeysFollowNcpsIncludingTheDropoutIndexShiftMixedMemoryAndProjection()
    {
        var spec = new CfcSpec(3, 4, BackboneUnits: 5, BackboneLayers: 4, BackboneDropout: 0.1f, ProjSize: 2, MixedMemory: true);
        var names = RandomWeights.Create(spec, 1).Tensors.Select(t => t.Name).ToArray();
        Assert.Equal(
            [
                "rnn_cell.backbone.0.weight", "rnn_cell.backbone.0.bias", "rnn_cell.backbone.2.weight", "rnn_cell.backbone.2.bias",
                "rnn_cell.backbone.5.weight", "rnn_cell.backbone.5.bias", "rnn_cell.backbone.8.weight", "rnn_cell.backbone.8.bias",
                "rnn_cell.ff1.weight", "rnn_cell.ff1.bias", "rnn_cell.ff2.weight", "rnn_cell.ff2.bias",
                "rnn_cell.time_a.weight", "rnn_cell.time_a.bias", "rnn_cell.time_b.weight", "rnn_cell.time_b.bias",
                "lstm.input_map.weight", "lstm.input_map.bias", "lstm.recurrent_map.weight", "fc.weight", "fc.bias",
            ],
            names);
        var noDropout = RandomWeights.Create(spec with { BackboneDropout = 0f }, 1).Tensors.Select(t => t.Name);
        Assert.Contains("rnn_cell.backbone.6.weight", noDropout);
    }

    [Fact]
    public void RandomWeightsAreReproducibleFromTheSeed()
    {
        var spec = TestSpecs.All["ltc-ncp-affine"];
        var a = RandomWeights.Create(spec, 9);
        var b = RandomWeights.Create(spec, 9);
        var c = RandomWeights.Create(spec, 10);
        Assert.Equal(a.Get("rnn_cell.sigma").Data, b.Get("rnn_cell.sigma").Data);
        Assert.NotEqual(a.Get("rnn_cell.sigma").Data, c.Get("rnn_cell.sigma").Data);
        Assert.Equal(a.Get("rnn_cell.erev").Data, a.Get("rnn_cell.sparsity_mask").Data.Select((m, i) => m == 0 ? 0f : a.Get("rnn_cell.erev").Data[i]));
    }
}
