using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DroneLiquid.Liquid.Cells;

/// <summary>
/// The present synapses of an LTC (recurrent or sensory), grouped by destination neuron, with the mask
/// folded in (absent synapses are not stored) and w already constrained.
/// For each destination j it adds <c>Σ_i a_ij erev_ij</c> to a numerator and <c>Σ_i a_ij</c> to a denominator,
/// where <c>a_ij = w_ij sigmoid(sigma_ij (pre_i - mu_ij))</c>.
/// </summary>
/// <remarks>
/// Each destination's synapses are padded to whole SIMD vectors (padding has w = 0, so it adds nothing),
/// and one fused loop per destination computes activation, sigmoid and both sums. A destination fed by
/// sources 0, 1, 2, ... in order (every row of a fully connected wiring) reads them as one vector load;
/// sparser rows gather their sources first.
/// </remarks>
internal sealed class LtcSynapses
{
    private readonly int[] _rowStart;
    private readonly bool[] _contiguous;
    private readonly int[] _source;
    private readonly float[] _sigma;
    private readonly float[] _mu;
    private readonly float[] _w;
    private readonly float[] _wErev;

    /// <param name="sigma">[sources, destinations] row-major, like <paramref name="mu"/>, <paramref name="w"/>, <paramref name="erev"/>, <paramref name="mask"/>.</param>
    public LtcSynapses(int sources, int destinations, float[] sigma, float[] mu, float[] w, float[] erev, float[] mask)
    {
        int lanes = Vector<float>.Count;
        SourceCount = sources;
        _rowStart = new int[destinations + 1];
        _contiguous = new bool[destinations];
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

            int count = source.Count - _rowStart[j];
            Count += count;
            _contiguous[j] = Enumerable.Range(0, count).All(k => source[_rowStart[j] + k] == k);
            while ((source.Count - _rowStart[j]) % lanes != 0)
            {
                source.Add(0);
                s.Add(0f);
                m.Add(0f);
                weight.Add(0f);
                weightErev.Add(0f);
            }
        }

        _rowStart[destinations] = source.Count;
        (_source, _sigma, _mu, _w, _wErev) = (source.ToArray(), s.ToArray(), m.ToArray(), weight.ToArray(), weightErev.ToArray());
    }

    /// <summary>Synapses present.</summary>
    public int Count { get; }

    public int SourceCount { get; }

    /// <summary>The length the presynaptic buffer needs: sources rounded up to whole vectors, the tail finite (e.g. 0).</summary>
    public int PaddedSources => PackedMatrix.PadRows(SourceCount);

    /// <param name="pre">[PaddedSources] presynaptic values (mapped inputs or neuron potentials); entries past SourceCount finite.</param>
    public void Accumulate(ReadOnlySpan<float> pre, Span<float> numerator, Span<float> denominator)
    {
        if (pre.Length < PaddedSources || numerator.Length != _contiguous.Length || denominator.Length != _contiguous.Length)
        {
            throw new ArgumentException($"need {PaddedSources} presynaptic and {_contiguous.Length} destination values, got {pre.Length}, {numerator.Length}, {denominator.Length}");
        }

        int lanes = Vector<float>.Count;
        ref float p = ref MemoryMarshal.GetReference(pre);
        ref float sigma = ref MemoryMarshal.GetArrayDataReference(_sigma);
        ref float mu = ref MemoryMarshal.GetArrayDataReference(_mu);
        ref float w = ref MemoryMarshal.GetArrayDataReference(_w);
        ref float wErev = ref MemoryMarshal.GetArrayDataReference(_wErev);
        Span<float> gathered = stackalloc float[lanes];
        for (int j = 0; j < numerator.Length; j++)
        {
            int start = _rowStart[j], end = _rowStart[j + 1];
            var sumN = Vector<float>.Zero;
            var sumD = Vector<float>.Zero;
            for (int k = start; k < end; k += lanes)
            {
                var x = _contiguous[j] ? Vector.LoadUnsafe(ref p, (nuint)(k - start)) : Gather(ref p, k, gathered);
                var a = VectorMath.Sigmoid(Vector.LoadUnsafe(ref sigma, (nuint)k) * (x - Vector.LoadUnsafe(ref mu, (nuint)k)));
                sumN = Vector.MultiplyAddEstimate(a, Vector.LoadUnsafe(ref wErev, (nuint)k), sumN);
                sumD = Vector.MultiplyAddEstimate(a, Vector.LoadUnsafe(ref w, (nuint)k), sumD);
            }

            numerator[j] += Vector.Sum(sumN);
            denominator[j] += Vector.Sum(sumD);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector<float> Gather(ref float pre, int k, Span<float> gathered)
    {
        for (int lane = 0; lane < gathered.Length; lane++)
        {
            gathered[lane] = Unsafe.Add(ref pre, _source[k + lane]);
        }

        return new Vector<float>(gathered);
    }
}
