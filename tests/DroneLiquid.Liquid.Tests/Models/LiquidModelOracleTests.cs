using DroneLiquid.Liquid.Models;
using DroneLiquid.Liquid.Tests.Reference;

namespace DroneLiquid.Liquid.Tests.Models;

/// <summary>
/// Every option the ncps files do not exercise (mixed memory, proj, deep backbones with dropout, all
/// activations, wired pure/no_gate, LTC mappings and constraints off) against a plain double-precision
/// transcription of the formulas, over 40 steps with irregular elapsed times.
/// </summary>
public class LiquidModelOracleTests
{
    [Theory]
    [MemberData(nameof(TestSpecs.Names), MemberType = typeof(TestSpecs))]
    public void MatchesTheFormulasInDoublePrecision(string name)
    {
        var spec = TestSpecs.All[name];
        var weights = RandomWeights.Create(spec, seed: 42);
        var session = LiquidModel.Create(spec, weights).CreateSession();
        var random = new Random(5);
        double[] h = new double[spec.StateSize], c = new double[spec.StateSize];
        var output = new float[spec.OutputSize];
        for (int t = 0; t < 40; t++)
        {
            float[] x = Enumerable.Range(0, spec.InputSize).Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray();
            float dt = (float)(0.05 + random.NextDouble() * 1.5);
            session.Step(x, dt, output);
            (double[] want, h, c) = NaiveNcps.Step(spec, weights, x, h, c, dt);
            AssertClose(want, output, $"{name} output, step {t}");
            AssertClose(h, session.State, $"{name} state, step {t}");
            if (spec.MixedMemory) AssertClose(c, session.CellState, $"{name} cell state, step {t}");
        }
    }

    private static void AssertClose(double[] want, ReadOnlySpan<float> got, string what)
    {
        Assert.Equal(want.Length, got.Length);
        for (int i = 0; i < want.Length; i++)
        {
            double error = Math.Abs(got[i] - want[i]);
            Assert.True(error <= 1e-5 + 1e-5 * Math.Abs(want[i]), $"{what}[{i}]: got {got[i]}, want {want[i]} (error {error:E2})");
        }
    }
}
