using System.Numerics;
using DroneLiquid.Liquid.Cells;

namespace DroneLiquid.Liquid.Tests.Cells;

public class VectorMathTests
{
    private static float[] Lanes(Func<Vector<float>, Vector<float>> f, float x)
    {
        var result = new float[Vector<float>.Count];
        f(new Vector<float>(x)).CopyTo(result);
        return result;
    }

    [Fact]
    public void ExpIsWithin4e7RelativeOfDoubleOverItsWholeFiniteRange()
    {
        for (double x = -87; x <= 88; x += 0.0137)
        {
            double want = Math.Exp((float)x);
            float got = Lanes(VectorMath.Exp, (float)x)[0];
            Assert.True(Math.Abs(got - want) <= 4e-7 * want, $"exp({(float)x}) = {got}, want {want}");
        }
    }

    [Theory]
    [InlineData(1e4f)]
    [InlineData(-1e4f)]
    [InlineData(float.MaxValue)]
    [InlineData(-float.MaxValue)]
    public void SigmoidAndTanhSaturateExactlyWithoutNaN(float x)
    {
        Assert.Equal(x > 0 ? 1f : 0f, Lanes(VectorMath.Sigmoid, x)[0], 1e-30f);
        Assert.Equal(x > 0 ? 1f : -1f, Lanes(VectorMath.Tanh, x)[0]);
        Assert.True(float.IsFinite(Lanes(VectorMath.Exp, x)[0]));
    }

    [Fact]
    public void SigmoidAndTanhMatchTheirDefinitionsWithin2e7()
    {
        for (double x = -12; x <= 12; x += 0.01)
        {
            Assert.Equal(1 / (1 + Math.Exp(-(float)x)), Lanes(VectorMath.Sigmoid, (float)x)[0], 2e-7);
            Assert.Equal(Math.Tanh((float)x), Lanes(VectorMath.Tanh, (float)x)[0], 2e-7);
        }
    }
}
