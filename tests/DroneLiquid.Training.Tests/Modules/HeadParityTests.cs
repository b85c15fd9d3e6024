using DroneLiquid.Liquid.Models;
using DroneLiquid.Training.Export;
using DroneLiquid.Training.Modules;
using DroneLiquid.Training.Trainer;
using TorchSharp;
using static TorchSharp.torch;

namespace DroneLiquid.Training.Tests.Modules;

/// <summary>
/// The parity requirement: train a few steps on random data, export the state_dict, and the native
/// runtime (LiquidModel/LiquidSession) reproduces TorchSharp's outputs on the same inputs and elapsed times
/// within 1e-5.
/// </summary>
public sealed class HeadParityTests
{
    public static TheoryData<string> Heads => ["cfc", "cfc-mixed", "cfc-two-layer-backbone", "ncp", "lstm"];

    [Theory]
    [MemberData(nameof(Heads))]
    public void NativeRuntimeReproducesTorchAfterTraining(string kind)
    {
        TorchSetup.Initialise();
        torch.manual_seed(11);
        const int inputs = 7, outputs = 4, batch = 3, steps = 25;
        var (spec, freeze) = kind switch
        {
            "cfc" => ((LiquidModelSpec)new CfcSpec(inputs, 12, BackboneUnits: 16, ProjSize: outputs), false),
            "cfc-mixed" => (new CfcSpec(inputs, 10, BackboneUnits: 16, ProjSize: outputs, MixedMemory: true), false),
            "cfc-two-layer-backbone" => (new CfcSpec(inputs, 8, BackboneUnits: 12, BackboneLayers: 2, ProjSize: outputs), false),
            "ncp" => HeadFactory.Create(new Config.ModelConfig("ncp", Inter: 6, Command: 5, SensoryFanout: 3, InterFanout: 2, RecurrentCommandSynapses: 3, MotorFanin: 2), inputs, outputs),
            _ => HeadFactory.Create(new Config.ModelConfig("lstm", Units: 9), inputs, outputs),
        };
        using var head = new LiquidHead(spec, freeze);
        var x = randn(batch, steps, inputs);
        // Irregular elapsed times, including a dropped-frame gap and a zero.
        var dt = rand(batch, steps) * 0.1f + 0.01f;
        dt[0, 5] = tensor(0.4f);
        dt[1, 7] = tensor(0f);
        var target = randn(batch, steps, outputs) * 0.5f;
        var mask = ones(batch, steps);
        using var optimizer = optim.Adam(head.parameters().Where(p => p.requires_grad), 0.01);
        for (int i = 0; i < 5; i++)
        {
            optimizer.zero_grad();
            var loss = BehaviourCloningTrainer.MaskedMse(head.Forward(x, dt), target, mask);
            loss.backward();
            optimizer.step();
        }

        float[] expected;
        using (no_grad())
        {
            expected = head.Forward(x, dt).data<float>().ToArray();
        }

        var model = LiquidModel.Create(spec, TorchTensors.StateDict(head));
        float[] xs = x.data<float>().ToArray(), dts = dt.data<float>().ToArray();
        var output = new float[outputs];
        double worst = 0;
        for (int b = 0; b < batch; b++)
        {
            var session = model.CreateSession();
            for (int t = 0; t < steps; t++)
            {
                session.Step(xs.AsSpan((b * steps + t) * inputs, inputs), dts[b * steps + t], output);
                for (int o = 0; o < outputs; o++)
                {
                    worst = Math.Max(worst, Math.Abs(output[o] - expected[(b * steps + t) * outputs + o]));
                }
            }
        }

        Assert.True(worst <= 1e-5, $"{kind}: worst |native - torch| = {worst:E3} over {batch * steps} steps");
    }

    [Fact]
    public void FrozenTimeGateStaysZeroAndElapsedTimeHasNoEffect()
    {
        TorchSetup.Initialise();
        torch.manual_seed(3);
        var (spec, freeze) = HeadFactory.Create(new Config.ModelConfig("lstm", Units: 6), 5, 4);
        using var head = new LiquidHead(spec, freeze);
        var x = randn(2, 10, 5);
        using var optimizer = optim.Adam(head.parameters().Where(p => p.requires_grad), 0.01);
        var loss = head.Forward(x, ones(2, 10)).square().mean();
        loss.backward();
        optimizer.step();
        var weights = TorchTensors.StateDict(head);
        Assert.All(weights.Get("rnn_cell.time_a.weight").Data, v => Assert.Equal(0f, v));
        using var _ = no_grad();
        var slow = head.Forward(x, ones(2, 10) * 0.5f).data<float>().ToArray();
        var fast = head.Forward(x, ones(2, 10) * 0.01f).data<float>().ToArray();
        Assert.Equal(slow, fast);
    }
}
