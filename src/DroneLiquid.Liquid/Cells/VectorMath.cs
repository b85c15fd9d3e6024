using System.Numerics;
using System.Runtime.CompilerServices;

namespace DroneLiquid.Liquid.Cells;

/// <summary>
/// Lane-wise sigmoid and tanh on <see cref="Vector{T}"/> built on <see cref="Vector.Exp(Vector{float})"/>, for the
/// fused per-neuron loops of the cells (one pass instead of a TensorPrimitives call per operation).
/// Both saturate cleanly: exp overflowing to +inf gives 0 or +-1, never NaN, for finite input.
/// Absolute error stays below ~2e-7.
/// </summary>
internal static class VectorMath
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Sigmoid(Vector<float> x) => Vector<float>.One / (Vector<float>.One + Vector.Exp(-x));

    /// <summary>tanh x = 1 - 2 / (e^(2x) + 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Tanh(Vector<float> x) => Vector<float>.One - new Vector<float>(2f) / (Vector.Exp(x + x) + Vector<float>.One);
}
