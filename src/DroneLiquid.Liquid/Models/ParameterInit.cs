namespace DroneLiquid.Liquid.Models;

/// <summary>How <see cref="RandomWeights"/> fills a parameter (ncps's own initialisation ranges).</summary>
internal readonly record struct ParameterInit(ParameterInitKind Kind, float Low, float High)
{
    /// <summary>Xavier/Glorot uniform on [out, in]: U(-b, b), b = sqrt(6 / (in + out)).</summary>
    public static readonly ParameterInit Xavier = new(ParameterInitKind.Xavier, 0f, 0f);

    /// <summary>A bias: U(-0.1, 0.1).</summary>
    public static readonly ParameterInit Bias = new(ParameterInitKind.Uniform, -0.1f, 0.1f);

    public static ParameterInit Uniform(float low, float high) => new(ParameterInitKind.Uniform, low, high);

    public static ParameterInit Constant(float value) => new(ParameterInitKind.Uniform, value, value);
}

internal enum ParameterInitKind
{
    Xavier,
    Uniform,
}
