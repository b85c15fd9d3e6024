using DroneLiquid.Liquid.Models;
using DroneLiquid.Liquid.Sessions;
using DroneLiquid.Liquid.Tests.Models;
using DroneLiquid.Liquid.Tests.Reference;

namespace DroneLiquid.Liquid.Tests.Sessions;

/// <summary>Extreme inputs and elapsed times: CfC stays finite; LTC at dt = 0 has a defined result.</summary>
public class StabilityTests
{
    public static TheoryData<string> CfcModels => new(
        "file:cfc_default.json", "file:cfc_pure.json", "file:cfc_no_gate.json", "file:wiredcfc_autoncp19.json",
        "cfc-default-lecun", "cfc-nogate-tanh-2layers", "cfc-pure-relu-3layers-dropout", "cfc-default-gelu",
        "cfc-default-no-backbone", "cfc-pure-no-backbone", "cfc-mixed-memory-proj", "cfc-pure-mixed-memory", "wired-default", "wired-nogate-proj-mixed", "wired-pure");

    [Theory]
    [MemberData(nameof(CfcModels))]
    public void CfcStaysFiniteForInputsOf1e4AtElapsedTimesFrom0To100Seconds(string name)
    {
        var model = TestSpecs.Build(name, seed: 4);
        var output = new float[model.OutputSize];
        foreach (float dt in new[] { 0f, 1e-3f, 10f, 100f })
        {
            var session = model.CreateSession();
            for (int t = 0; t < 200; t++)
            {
                var input = Enumerable.Range(0, model.InputSize).Select(i => (i + t) % 2 == 0 ? 1e4f : -1e4f).ToArray();
                Assert.Equal(StepStatus.Ok, session.TryStep(input, dt, output));
                Assert.All(output, v => Assert.True(float.IsFinite(v), $"{name}: output {v} at dt {dt}, step {t}"));
            }
        }
    }

    [Theory]
    [InlineData("ltc_fc8.json")]
    [InlineData("ltc_autoncp19.json")]
    public void LtcAtElapsedTimeZeroKeepsTheStateAndOutputsItMapped(string file)
    {
        var reference = ReferenceFiles.Load(file);
        var model = LiquidModel.Create(reference.Spec, reference.Weights);
        var session = model.CreateSession();
        var output = new float[model.OutputSize];
        session.RunSequence(reference.Inputs[0][..5], reference.ElapsedSeconds[0][..5]);
        float[] before = session.State.ToArray();
        float[] outputW = reference.Weights.Get("rnn_cell.output_w").Data, outputB = reference.Weights.Get("rnn_cell.output_b").Data;
        // 0 is the limit itself; float.Epsilon makes cm_t overflow to infinity, the same limit.
        foreach (float dt in new[] { 0f, float.Epsilon })
        {
            session.Step(reference.Inputs[0][5], dt, output);
            Assert.Equal(before, session.State.ToArray());
            for (int j = 0; j < output.Length; j++) Assert.Equal(before[j] * outputW[j] + outputB[j], output[j], 6);
        }

        // The limit is continuous: tiny positive steps move the state by rounding only, small ones a little.
        session.Step(reference.Inputs[0][5], 1e-30f, output);
        Assert.All(session.State.ToArray().Zip(before), p => Assert.Equal(p.Second, p.First, 1e-6f));
        session.Step(reference.Inputs[0][5], 1e-4f, output);
        Assert.All(session.State.ToArray().Zip(before), p => Assert.Equal(p.Second, p.First, 1e-2f));
    }

    [Fact]
    public void LtcWithMixedMemoryAtElapsedTimeZeroStillRunsTheMemoryCell()
    {
        var spec = (LtcSpec)TestSpecs.All["ltc-ncp-mixed-memory"];
        var weights = RandomWeights.Create(spec, 8);
        var session = LiquidModel.Create(spec, weights).CreateSession();
        float[] x = [0.5f, -1f, 2f];
        var output = new float[2];
        session.Step(x, 0f, output);
        // The LSTM has no time dependence: c advances as usual; the liquid state is the LSTM's h, unchanged by the ODE.
        var (_, _, c) = NaiveNcps.Step(spec, weights, x, new double[7], new double[7], 1.0);
        Assert.All(c.Zip(session.CellState.ToArray()), p => Assert.Equal(p.First, p.Second, 6));
        Assert.Contains(session.State.ToArray(), v => v != 0f);
        float[] outputW = weights.Get("rnn_cell.output_w").Data, outputB = weights.Get("rnn_cell.output_b").Data;
        for (int j = 0; j < 2; j++) Assert.Equal(session.State[j] * outputW[j] + outputB[j], output[j], 6);
    }
}
