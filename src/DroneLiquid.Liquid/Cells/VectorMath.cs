using System.Numerics;
using System.Runtime.CompilerServices;

namespace DroneLiquid.Liquid.Cells;

/// <summary>
/// Lane-wise exp, sigmoid and tanh on <see cref="Vector{T}"/> for the fused per-neuron loops of the cells (one
/// pass instead of a TensorPrimitives call per operation on a handful of neurons).
/// </summary>
/// <remarks>
/// <see cref="Exp"/> is the classic single-precision scheme: clamp to the finite range, split
/// x = n ln2 + r with |r| &lt;= ln2/2 (ln2 in two parts for exactness), a degree-6 polynomial for e^r, and 2^n
/// built in the exponent bits. Relative error about 2 ulp; a unit test holds it to 4e-7 against double.
/// It stays finite for every finite input (e^88.3 at most), so sigmoid and tanh saturate to exact 0, 1 or -1.
/// </remarks>
internal static class VectorMath
{
    private const float MaxInput = 88.3f;
    private const float MinInput = -87.3f;
    private const float Log2E = 1.44269504088896341f;
    private const float Ln2High = 0.693359375f;
    private const float Ln2Low = -2.12194440e-4f;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Exp(Vector<float> x)
    {
        x = Vector.Min(Vector.Max(x, new Vector<float>(MinInput)), new Vector<float>(MaxInput));
        var n = Vector.Round(x * new Vector<float>(Log2E));
        var r = Vector.MultiplyAddEstimate(n, new Vector<float>(-Ln2Low), Vector.MultiplyAddEstimate(n, new Vector<float>(-Ln2High), x));
        var p = new Vector<float>(1.9875691500e-4f);
        p = Vector.MultiplyAddEstimate(p, r, new Vector<float>(1.3981999507e-3f));
        p = Vector.MultiplyAddEstimate(p, r, new Vector<float>(8.3334519073e-3f));
        p = Vector.MultiplyAddEstimate(p, r, new Vector<float>(4.1665795894e-2f));
        p = Vector.MultiplyAddEstimate(p, r, new Vector<float>(1.6666665459e-1f));
        p = Vector.MultiplyAddEstimate(p, r, new Vector<float>(5.0000001201e-1f));
        p = Vector.MultiplyAddEstimate(p, r * r, r + Vector<float>.One);
        var scale = Vector.ShiftLeft(Vector.ConvertToInt32(n) + new Vector<int>(127), 23).As<int, float>();
        return p * scale;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Sigmoid(Vector<float> x) => Vector<float>.One / (Vector<float>.One + Exp(-x));

    /// <summary>tanh x = 1 - 2 / (e^(2x) + 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Tanh(Vector<float> x) => Vector<float>.One - new Vector<float>(2f) / (Exp(x + x) + Vector<float>.One);
}
