using DroneLiquid.Liquid.Models;
using DroneLiquid.Perception.Vision;
using DroneLiquid.Training.Data;
using DroneLiquid.Training.Export;
using DroneLiquid.Training.Modules;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace DroneLiquid.Training.Tests.Export;

/// <summary>perception.onnx written from a trained trunk gives TorchSharp's features within 1e-5, alone and inside a vision policy.</summary>
public sealed class TrunkOnnxParityTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void ExportedTrunkMatchesTorchForward(int bandCount)
    {
        TorchSetup.Initialise();
        torch.manual_seed(5);
        using var trunk = new TorchConvTrunk(40, 32, 8);
        Nudge(trunk);
        using var bands = bandCount > 0 ? RandomBands(8, bandCount) : null;
        int outputs = 8 + bandCount;
        var images = rand(3, 3, 32, 40);
        float[] expected;
        using (no_grad())
        {
            var features = trunk.call(images);
            expected = (bands is null ? features : bands.call(features)).data<float>().ToArray();
        }

        var bytes = TrunkOnnxWriter.Write(trunk, "test trunk", bands);
        Assert.Equal(ConvTrunk.SpecFor(40, 32, outputs), TrunkOnnxWriter.SpecOf(trunk, bands));
        using var session = new InferenceSession(bytes);
        var all = images.data<float>().ToArray();
        double worst = 0;
        for (int n = 0; n < 3; n++)
        {
            var input = new DenseTensor<float>(all.AsMemory(n * 3 * 32 * 40, 3 * 32 * 40), [1, 3, 32, 40]);
            using var results = session.Run([NamedOnnxValue.CreateFromTensor("image", input)]);
            var features = results.First().AsEnumerable<float>().ToArray();
            Assert.Equal(outputs, features.Length);
            for (int f = 0; f < outputs; f++)
            {
                worst = Math.Max(worst, Math.Abs(features[f] - expected[n * outputs + f]));
            }
        }

        Assert.True(worst <= 1e-5, $"worst |onnx - torch| = {worst:E3}");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void VisionPolicyOnExportedFilesMatchesTorchNetwork(int bandCount)
    {
        TorchSetup.Initialise();
        torch.manual_seed(9);
        const int obs = 3, steps = 6;
        var trunk = new TorchConvTrunk(32, 24, 6);
        var bands = bandCount > 0 ? RandomBands(6, bandCount) : null;
        var (spec, _) = HeadFactory.Create(new Config.ModelConfig("ncp", Inter: 6, Command: 4, SensoryFanout: 2, InterFanout: 2, RecurrentCommandSynapses: 2, MotorFanin: 2), 6 + bandCount + obs, 4);
        using var network = new PolicyNetwork(spec, trunk, bands: bands);
        Nudge(network);
        var images = rand([1, steps, 3, 24, 32]);
        var observations = randn(1, steps, obs);
        var elapsed = rand(1, steps) * 0.1f + 0.02f;
        float[] expected;
        using (no_grad())
        {
            expected = network.Forward(observations, elapsed, images).data<float>().ToArray();
        }

        var model = LiquidModel.Create(spec, TorchTensors.StateDict(network.Head));
        using var vision = VisionPolicy.Load(TrunkOnnxWriter.Write(trunk, "test", bands), "test", TrunkOnnxWriter.SpecOf(trunk, bands), model);
        float[] img = images.data<float>().ToArray(), o = observations.data<float>().ToArray(), dt = elapsed.data<float>().ToArray();
        var output = new float[4];
        double worst = 0;
        int frame = 3 * 24 * 32;
        for (int t = 0; t < steps; t++)
        {
            Assert.Equal(Liquid.Sessions.StepStatus.Ok, vision.TryStep(img.AsSpan(t * frame, frame), o.AsSpan(t * obs, obs), dt[t], output));
            for (int k = 0; k < 4; k++)
            {
                worst = Math.Max(worst, Math.Abs(output[k] - expected[t * 4 + k]));
            }
        }

        Assert.True(worst <= 1e-5, $"worst |vision policy - torch| = {worst:E3}");
    }

    /// <summary>Bands over a random nearness readout (stage one's is trained; any linear map tests the export).</summary>
    private static NearnessBands RandomBands(int features, int bands)
    {
        var weight = randn(NearnessTargets.Cells, features) * 0.3f;
        var bias = randn(NearnessTargets.Cells) * 0.3f;
        return new NearnessBands(weight.data<float>().ToArray(), bias.data<float>().ToArray(), features, bands);
    }

    /// <summary>Moves every parameter off its initial value, as a few training steps would.</summary>
    private static void Nudge(nn.Module module)
    {
        using var _ = no_grad();
        foreach (var p in module.parameters())
        {
            p.add_(randn_like(p) * 0.05f);
        }
    }
}
