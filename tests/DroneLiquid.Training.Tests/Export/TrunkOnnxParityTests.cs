using DroneLiquid.Liquid.Models;
using DroneLiquid.Perception.Vision;
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
    [Fact]
    public void ExportedTrunkMatchesTorchForward()
    {
        TorchSetup.Initialise();
        torch.manual_seed(5);
        using var trunk = new TorchConvTrunk(40, 32, 8);
        Nudge(trunk);
        var images = rand(3, 3, 32, 40);
        float[] expected;
        using (no_grad())
        {
            expected = trunk.call(images).data<float>().ToArray();
        }

        var bytes = TrunkOnnxWriter.Write(trunk, "test trunk");
        Assert.Equal(ConvTrunk.SpecFor(40, 32, 8), TrunkOnnxWriter.SpecOf(trunk));
        using var session = new InferenceSession(bytes);
        var all = images.data<float>().ToArray();
        double worst = 0;
        for (int n = 0; n < 3; n++)
        {
            var input = new DenseTensor<float>(all.AsMemory(n * 3 * 32 * 40, 3 * 32 * 40), [1, 3, 32, 40]);
            using var results = session.Run([NamedOnnxValue.CreateFromTensor("image", input)]);
            var features = results.First().AsEnumerable<float>().ToArray();
            for (int f = 0; f < 8; f++)
            {
                worst = Math.Max(worst, Math.Abs(features[f] - expected[n * 8 + f]));
            }
        }

        Assert.True(worst <= 1e-5, $"worst |onnx - torch| = {worst:E3}");
    }

    [Fact]
    public void VisionPolicyOnExportedFilesMatchesTorchNetwork()
    {
        TorchSetup.Initialise();
        torch.manual_seed(9);
        const int obs = 3, steps = 6;
        var trunk = new TorchConvTrunk(32, 24, 6);
        var (spec, _) = HeadFactory.Create(new Config.ModelConfig("ncp", Inter: 6, Command: 4, SensoryFanout: 2, InterFanout: 2, RecurrentCommandSynapses: 2, MotorFanin: 2), 6 + obs, 4);
        using var network = new PolicyNetwork(spec, trunk);
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
        using var vision = VisionPolicy.Load(TrunkOnnxWriter.Write(trunk, "test"), "test", TrunkOnnxWriter.SpecOf(trunk), model);
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
