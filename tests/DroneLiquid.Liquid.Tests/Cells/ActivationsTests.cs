using DroneLiquid.Liquid.Cells;
using DroneLiquid.Liquid.Models;

namespace DroneLiquid.Liquid.Tests.Cells;

public class ActivationsTests
{
    private static float Apply(BackboneActivation activation, float v)
    {
        var values = new[] { v };
        Activations.Apply(activation, values);
        return values[0];
    }

    [Fact]
    public void LecunTanhUsesNcpsSlope0666NotTwoThirds()
    {
        // 1.7159 tanh(0.666 * 2) = 1.7159 * 0.869858..., while 2/3 would give 1.7159 * 0.870903...
        Assert.Equal(1.7159 * Math.Tanh(1.332), Apply(BackboneActivation.LecunTanh, 2f), 6);
        Assert.NotEqual(1.7159 * Math.Tanh(4.0 / 3.0), Apply(BackboneActivation.LecunTanh, 2f), 4);
    }

    [Theory]
    [InlineData(1.0, 0.8413447460685429)] // Phi(1): exact erf form; the tanh approximation gives 0.841192
    [InlineData(-3.0, -0.004049694)]
    [InlineData(0.5, 0.34573123)]
    public void GeluIsTheExactErfForm(double v, double want) => Assert.Equal(want, Apply(BackboneActivation.Gelu, (float)v), 6);

    [Fact]
    public void SiluReluAndTanhFollowTheirDefinitionsAndStayFiniteAtExtremes()
    {
        Assert.Equal(2.0 / (1 + Math.Exp(-2.0)), Apply(BackboneActivation.Silu, 2f), 6);
        Assert.Equal(0f, Apply(BackboneActivation.Silu, -1e4f));
        Assert.Equal(1e4f, Apply(BackboneActivation.Silu, 1e4f));
        Assert.Equal(0f, Apply(BackboneActivation.Relu, -3f));
        Assert.Equal(3f, Apply(BackboneActivation.Relu, 3f));
        Assert.Equal(Math.Tanh(0.3), Apply(BackboneActivation.Tanh, 0.3f), 6);
        Assert.Equal(1e4f, Apply(BackboneActivation.Gelu, 1e4f));
    }
}
