using System.Numerics.Tensors;
using DroneLiquid.Liquid.Models;
using MathNet.Numerics;

namespace DroneLiquid.Liquid.Cells;

/// <summary>The backbone activations of ncps, applied in place.</summary>
internal static class Activations
{
    /// <summary>ncps's LeCun tanh: 1.7159 tanh(0.666 v), with 0.666 as written there (not 2/3).</summary>
    public const float LecunScale = 1.7159f;

    public const float LecunSlope = 0.666f;

    public static void Apply(BackboneActivation activation, Span<float> values)
    {
        switch (activation)
        {
            case BackboneActivation.LecunTanh:
                TensorPrimitives.Multiply(values, LecunSlope, values);
                TensorPrimitives.Tanh(values, values);
                TensorPrimitives.Multiply(values, LecunScale, values);
                break;
            case BackboneActivation.Tanh:
                TensorPrimitives.Tanh(values, values);
                break;
            case BackboneActivation.Relu:
                TensorPrimitives.Max(values, 0f, values);
                break;
            case BackboneActivation.Silu:
                // v * sigmoid(v) = v / (1 + e^-v); e^-v = +inf for very negative v gives -0, not NaN.
                for (int i = 0; i < values.Length; i++)
                {
                    float v = values[i];
                    values[i] = v / (1f + MathF.Exp(-v));
                }

                break;
            case BackboneActivation.Gelu:
                // Exact form 0.5 v (1 + erf(v / sqrt 2)), erf evaluated in double.
                for (int i = 0; i < values.Length; i++)
                {
                    double v = values[i];
                    values[i] = (float)(0.5 * v * (1.0 + SpecialFunctions.Erf(v * 0.70710678118654752440)));
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(activation), activation, "unknown backbone activation");
        }
    }
}
