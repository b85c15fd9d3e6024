using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DroneLiquid.Liquid.Cells;

/// <summary>
/// The present synapses of an LTC (recurrent or sensory), grouped by destination neuron, with the mask
/// folded in (absent synapses are not stored) and w already constrained.
/// For each destination j it adds <c>Σ_i a_ij erev_ij</c> to a numerator and <c>Σ_i a_ij</c> to a denominator,
/// where <c>a_ij = w_ij sigmoid(sigma_ij (pre_i - mu_ij))</c>.
/// </summary>
internal sealed class LtcSynapses
{
    private readonly int[] _rowStart;
    private readonly int[] _source;
    private readonly float[] _sigma;
    private readonly float[] _mu;
    private readonly float[] _w;
    private readonly float[] _wErev;

    /// <param name="sigma">[sources, destinations] row-major, like <paramref name="mu"/>, <paramref name="w"/>, <paramref name="erev"/>, <paramref name="mask"/>.</param>
    public LtcSynapses(int sources, int destinations, float[] sigma, float[] mu, float[] w, float[] erev, float[] mask)
    {
        _rowStart = new int[destinations + 1];
        var source = new List<int>();
        var s = new List<float>();
        var m = new List<float>();
        var weight = new List<float>();
        var weightErev = new List<float>();
        for (int j = 0; j < destinations; j++)
        {
            _rowStart[j] = source.Count;
            for (int i = 0; i < sources; i++)
            {
                int at = i * destinations + j;
                if (mask[at] == 0f)
                {
                    continue;
                }

                source.Add(i);
                s.Add(sigma[at]);
                m.Add(mu[at]);
                weight.Add(w[at] * mask[at]);
                weightErev.Add(w[at] * mask[at] * erev[at]);
            }
        }

        _rowStart[destinations] = source.Count;
        (_source, _sigma, _mu, _w, _wErev) = (source.ToArray(), s.ToArray(), m.ToArray(), weight.ToArray(), weightErev.ToArray());
    }

    public int Count => _source.Length;

    /// <param name="pre">Presynaptic values (mapped inputs or neuron potentials).</param>
    /// <param name="activations">[Count] scratch.</param>
    public void Accumulate(ReadOnlySpan<float> pre, Span<float> activations, Span<float> numerator, Span<float> denominator)
    {
        var act = activations[..Count];
        for (int k = 0; k < act.Length; k++)
        {
            act[k] = _sigma[k] * (pre[_source[k]] - _mu[k]);
        }

        TensorPrimitives.Sigmoid(act, act);
        for (int j = 0; j < numerator.Length; j++)
        {
            int start = _rowStart[j];
            var (n, d) = TwoDots(act.Slice(start, _rowStart[j + 1] - start), _wErev.AsSpan(start), _w.AsSpan(start));
            numerator[j] += n;
            denominator[j] += d;
        }
    }

    /// <summary>(Σ a·p, Σ a·q) in one pass.</summary>
    private static (float, float) TwoDots(ReadOnlySpan<float> a, ReadOnlySpan<float> p, ReadOnlySpan<float> q)
    {
        ref float aRef = ref MemoryMarshal.GetReference(a);
        ref float pRef = ref MemoryMarshal.GetReference(p);
        ref float qRef = ref MemoryMarshal.GetReference(q);
        int lanes = Vector<float>.Count;
        var sp = Vector<float>.Zero;
        var sq = Vector<float>.Zero;
        int k = 0;
        for (; k + lanes <= a.Length; k += lanes)
        {
            var va = Vector.LoadUnsafe(ref aRef, (nuint)k);
            sp = Vector.MultiplyAddEstimate(va, Vector.LoadUnsafe(ref pRef, (nuint)k), sp);
            sq = Vector.MultiplyAddEstimate(va, Vector.LoadUnsafe(ref qRef, (nuint)k), sq);
        }

        float np = Vector.Sum(sp), nq = Vector.Sum(sq);
        for (; k < a.Length; k++)
        {
            float va = Unsafe.Add(ref aRef, k);
            np += va * Unsafe.Add(ref pRef, k);
            nq += va * Unsafe.Add(ref qRef, k);
        }

        return (np, nq);
    }
}
