using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace DroneLiquid.Liquid.Cells;

/// <summary>
/// The present synapses of an LTC (recurrent or sensory), grouped by destination neuron, with the mask
/// folded in (absent synapses are not stored) and w already constrained.
/// For each destination j it adds <c>Σ_i a_ij erev_ij</c> to a numerator and <c>Σ_i a_ij</c> to a denominator,
/// where <c>a_ij = w_ij sigmoid(sigma_ij (pre_i - mu_ij))</c>.
/// </summary>
/// <remarks>
/// The synapses are stored flat, destination after destination, with no padding between rows, so a solver
/// iteration touches only real synapses: the presynaptic values are gathered into synapse order (runs of
/// consecutive sources, every row of a fully connected wiring, are block copies), one SIMD pass computes
/// every activation times w and times w*erev, and each destination sums its own slice.
/// </remarks>
internal sealed class LtcSynapses
{
    private readonly int[] _rowStart;
    private readonly Run[] _runs;
    private readonly float[] _sigma;
    private readonly float[] _mu;
    private readonly float[] _w;
    private readonly float[] _wErev;

    /// <param name="sigma">[sources, destinations] row-major, like <paramref name="mu"/>, <paramref name="w"/>, <paramref name="erev"/>, <paramref name="mask"/>.</param>
    public LtcSynapses(int sources, int destinations, float[] sigma, float[] mu, float[] w, float[] erev, float[] mask)
    {
        _rowStart = new int[destinations + 1];
        var runs = new List<Run>();
        var s = new List<float>();
        var m = new List<float>();
        var weight = new List<float>();
        var weightErev = new List<float>();
        for (int j = 0; j < destinations; j++)
        {
            _rowStart[j] = s.Count;
            for (int i = 0; i < sources; i++)
            {
                int at = i * destinations + j;
                if (mask[at] == 0f)
                {
                    continue;
                }

                if (runs.Count > 0 && runs[^1] is var last && last.Destination + last.Length == s.Count && last.Source + last.Length == i && last.Destination >= _rowStart[j])
                {
                    runs[^1] = last with { Length = last.Length + 1 };
                }
                else
                {
                    runs.Add(new Run(s.Count, i, 1));
                }

                s.Add(sigma[at]);
                m.Add(mu[at]);
                weight.Add(w[at] * mask[at]);
                weightErev.Add(w[at] * mask[at] * erev[at]);
            }
        }

        _rowStart[destinations] = s.Count;
        Count = s.Count;
        PaddedCount = Math.Max(PackedMatrix.PadRows(Count), Vector<float>.Count);
        _runs = runs.ToArray();
        (_sigma, _mu, _w, _wErev) = (Padded(s), Padded(m), Padded(weight), Padded(weightErev));
    }

    /// <summary>Synapses present.</summary>
    public int Count { get; }

    /// <summary>Synapses rounded up to whole SIMD vectors.</summary>
    public int PaddedCount { get; }

    /// <summary>Floats of scratch <see cref="Accumulate"/> needs.</summary>
    public int ScratchLength => 3 * PaddedCount;

    /// <param name="pre">Presynaptic values (mapped inputs or neuron potentials).</param>
    public void Accumulate(ReadOnlySpan<float> pre, Span<float> numerator, Span<float> denominator, Span<float> scratch)
    {
        int n = _rowStart.Length - 1;
        if (numerator.Length != n || denominator.Length != n || scratch.Length < ScratchLength)
        {
            throw new ArgumentException($"need {n} destination values and {ScratchLength} scratch, got {numerator.Length}, {denominator.Length}, {scratch.Length}");
        }

        var gathered = scratch[..PaddedCount];
        var byErev = scratch.Slice(PaddedCount, PaddedCount);
        var byW = scratch.Slice(2 * PaddedCount, PaddedCount);
        foreach (var run in _runs)
        {
            if (run.Length == 1) gathered[run.Destination] = pre[run.Source];
            else pre.Slice(run.Source, run.Length).CopyTo(gathered.Slice(run.Destination, run.Length));
        }

        ref float g = ref MemoryMarshal.GetReference(gathered);
        ref float pe = ref MemoryMarshal.GetReference(byErev);
        ref float pw = ref MemoryMarshal.GetReference(byW);
        ref float sigma = ref MemoryMarshal.GetArrayDataReference(_sigma);
        ref float mu = ref MemoryMarshal.GetArrayDataReference(_mu);
        ref float w = ref MemoryMarshal.GetArrayDataReference(_w);
        ref float wErev = ref MemoryMarshal.GetArrayDataReference(_wErev);
        // Padding lanes may hold stale values; their results are never summed.
        for (int k = 0; k < PaddedCount; k += Vector<float>.Count)
        {
            var a = VectorMath.Sigmoid(Vector.LoadUnsafe(ref sigma, (nuint)k) * (Vector.LoadUnsafe(ref g, (nuint)k) - Vector.LoadUnsafe(ref mu, (nuint)k)));
            (a * Vector.LoadUnsafe(ref wErev, (nuint)k)).StoreUnsafe(ref pe, (nuint)k);
            (a * Vector.LoadUnsafe(ref w, (nuint)k)).StoreUnsafe(ref pw, (nuint)k);
        }

        for (int j = 0; j < n; j++)
        {
            int start = _rowStart[j], length = _rowStart[j + 1] - start;
            numerator[j] += Sum(byErev.Slice(start, length));
            denominator[j] += Sum(byW.Slice(start, length));
        }
    }

    /// <summary>
    /// The sum in one order on every machine: four lanes (not the machine's vector width), added up lane 0 + 1 and
    /// 2 + 3 first, then the rest one by one, so a flight replays bit for bit on another CPU.
    /// </summary>
    private static float Sum(ReadOnlySpan<float> values)
    {
        int k = 0;
        float sum = 0f;
        if (values.Length >= Vector128<float>.Count)
        {
            ref float v = ref MemoryMarshal.GetReference(values);
            var acc = Vector128<float>.Zero;
            for (; k + Vector128<float>.Count <= values.Length; k += Vector128<float>.Count)
            {
                acc += Vector128.LoadUnsafe(ref v, (nuint)k);
            }

            sum = (acc.GetElement(0) + acc.GetElement(1)) + (acc.GetElement(2) + acc.GetElement(3));
        }

        for (; k < values.Length; k++)
        {
            sum += values[k];
        }

        return sum;
    }

    private float[] Padded(List<float> values)
    {
        var array = new float[PaddedCount];
        values.CopyTo(array);
        return array;
    }

    /// <summary>Synapses Destination.. (flat index) read sources Source.. consecutively.</summary>
    private readonly record struct Run(int Destination, int Source, int Length);
}
