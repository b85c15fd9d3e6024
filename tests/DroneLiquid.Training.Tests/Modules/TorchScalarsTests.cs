using DroneLiquid.Training.Modules;
using static TorchSharp.torch;

namespace DroneLiquid.Training.Tests.Modules;

/// <summary>The hot-path arithmetic on long-lived Scalars gives the operators' results bit for bit, so retraining reproduces the bundled weights.</summary>
public sealed class TorchScalarsTests
{
    [Fact]
    public void ExplicitScalarsGiveTheOperatorsResultsBitForBit()
    {
        TorchSetup.Initialise();
        manual_seed(3);
        using var a = randn(64, 19);
        using var b = randn(64, 19);
        using var g = rand(64, 19);

        AssertSame(a + b, a.Plus(b));
        AssertSame(1f - g, g.OneMinus());
        AssertSame(a + 1f, a.add(TorchScalars.One, TorchScalars.One));
        AssertSame(a * (1f - g) + g * b, (a * g.OneMinus()).Plus(g * b));
        AssertSame((a * 0.666f).tanh() * 1.7159f, new LecunTanh().forward(a));
    }

    private static void AssertSame(Tensor expected, Tensor actual)
    {
        using (expected)
        using (actual)
        {
            Assert.Equal(expected.data<float>().ToArray(), actual.data<float>().ToArray());
        }
    }
}
