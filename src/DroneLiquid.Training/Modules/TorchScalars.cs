using TorchSharp;
using static TorchSharp.torch;

namespace DroneLiquid.Training.Modules;

/// <summary>
/// Scalars that live as long as the process, for the arithmetic the recurrent steps do every time step.
/// </summary>
/// <remarks>
/// TorchSharp 0.107 turns the 1 of <c>a + b</c> (the alpha of <c>add</c>), or the 1f of <c>1f - g</c>, into a
/// temporary native Scalar and does not keep it alive through the native call that reads it, and dispose scopes do
/// not track Scalars. A collection at that moment frees it mid-call: head training died three times with "Expected false
/// to be true ... toFloat" in THSTensor_add, and a freed value read as another number would go unnoticed. These
/// static Scalars are always reachable. The operations are the same ones the operators call, so results are
/// bit-identical.
/// </remarks>
internal static class TorchScalars
{
    public static readonly Scalar One = 1.ToScalar();

    /// <summary>ncps's LeCun tanh constants, 1.7159 tanh(0.666 v).</summary>
    public static readonly Scalar LecunInner = 0.666f.ToScalar();

    public static readonly Scalar LecunOuter = 1.7159f.ToScalar();

    /// <summary>a + b.</summary>
    public static Tensor Plus(this Tensor a, Tensor b) => a.add(b, One);

    /// <summary>1 - a, as <c>1f - a</c> computes it (negate, then add 1).</summary>
    public static Tensor OneMinus(this Tensor a) => a.negative().add(One, One);
}
