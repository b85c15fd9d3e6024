using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using DroneLiquid.Liquid.Models;

namespace DroneLiquid.Liquid.Cells;

/// <summary>
/// The closed-form continuous-time cell of ncps (<c>CfCCell</c>): <c>z = [x, h]</c>, an optional dense
/// backbone, then the heads ff1, ff2, time_a, time_b (or ff1 alone in <see cref="CfcMode.Pure"/>).
/// </summary>
/// <remarks>
/// <para>default: <c>h' = tanh(ff1) (1 - g) + g tanh(ff2)</c>; no_gate: <c>h' = tanh(ff1) + g tanh(ff2)</c>,
/// with <c>g = sigmoid(time_a(z) dt + time_b(z))</c>. pure: <c>h' = A - A exp(-dt (|w_tau| + |ff1|)) ff1</c>.</para>
/// <para>At load the four heads are stacked into one matrix so one pass over z computes them all, and a
/// sparsity mask (wired layers) is multiplied into the ff1 and ff2 rows once; the output is the new state.</para>
/// </remarks>
public sealed class CfcCell : LiquidCell
{
    private readonly PackedMatrix[] _backbone;
    private readonly PackedMatrix _heads;
    private readonly BackboneActivation _activation;
    private readonly float[] _a = [];
    private readonly float[] _wTauAbs = [];
    private readonly int _backboneUnits;
    private readonly int _paddedUnits;
    private readonly int _headsLength;

    /// <param name="prefix">State_dict prefix of the cell, e.g. <c>rnn_cell.</c> or <c>rnn_cell.layer_0.</c>.</param>
    /// <param name="sparsityMask">[units, inputSize + units] 0/1 values for a wired layer (read as <c>{prefix}sparsity_mask</c>), or null.</param>
    internal CfcCell(
        WeightReader weights,
        string prefix,
        int inputSize,
        int units,
        CfcMode mode,
        BackboneActivation activation,
        int backboneUnits,
        int backboneLayers,
        float backboneDropout,
        float[]? sparsityMask)
        : base(inputSize, units, units)
    {
        Mode = mode;
        _activation = activation;
        _backboneUnits = backboneLayers > 0 ? backboneUnits : 0;
        int zWidth = inputSize + units;
        float[]? mask = sparsityMask is null ? null : weights.TakeMask(prefix + "sparsity_mask", sparsityMask, units, zWidth);

        _paddedUnits = PackedMatrix.PadRows(units);
        if (mode == CfcMode.Pure)
        {
            // Padded to whole SIMD vectors with zeros so the fused loop below never reads past them.
            _wTauAbs = new float[_paddedUnits];
            _a = new float[_paddedUnits];
            TensorPrimitives.Abs(weights.Take(prefix + "w_tau", ParameterInit.Xavier, 1, units), _wTauAbs.AsSpan(0, units));
            weights.Take(prefix + "A", ParameterInit.Xavier, 1, units).CopyTo(_a, 0);
        }

        _backbone = new PackedMatrix[backboneLayers];
        int width = zWidth;
        for (int layer = 0; layer < backboneLayers; layer++)
        {
            // nn.Sequential indices: Linear, act, [Linear, act, (Dropout)]...: 0, 2, 4.. or, with dropout, 0, 2, 5, 8..
            int index = layer == 0 ? 0 : backboneDropout > 0f ? 3 * layer - 1 : 2 * layer;
            var w = weights.Take($"{prefix}backbone.{index}.weight", ParameterInit.Xavier, backboneUnits, width);
            var b = weights.Take($"{prefix}backbone.{index}.bias", ParameterInit.Bias, backboneUnits);
            _backbone[layer] = PackedMatrix.Create(w, backboneUnits, width, b);
            width = backboneUnits;
        }

        string[] heads = mode == CfcMode.Pure ? ["ff1"] : ["ff1", "ff2", "time_a", "time_b"];
        var stacked = new float[heads.Length * units * width];
        var stackedBias = new float[heads.Length * units];
        for (int head = 0; head < heads.Length; head++)
        {
            var w = weights.Take($"{prefix}{heads[head]}.weight", ParameterInit.Xavier, units, width);
            var b = weights.Take($"{prefix}{heads[head]}.bias", ParameterInit.Bias, units);
            var rows = stacked.AsSpan(head * units * width, units * width);
            w.CopyTo(rows);
            if (mask is not null && head < 2)
            {
                TensorPrimitives.Multiply(rows, mask, rows);
            }

            b.CopyTo(stackedBias, head * units);
        }

        _heads = PackedMatrix.Create(stacked, heads.Length * units, width, stackedBias);
        // The fused loop reads each head as whole vectors starting at head * units, so the last one may run
        // past the matrix's padded rows; those lanes are computed and dropped.
        _headsLength = Math.Max(_heads.PaddedRows, (heads.Length - 1) * units + _paddedUnits);
        ScratchLength = zWidth + 2 * PackedMatrix.PadRows(Math.Max(_backboneUnits, 1)) + _headsLength + _paddedUnits;
    }

    public CfcMode Mode { get; }

    public override int ScratchLength { get; }

    /// <summary>Stored weights touched by one step (backbone and heads, after skipping masked-out blocks).</summary>
    public int StoredWeights => _heads.StoredWeights + _backbone.Sum(b => b.StoredWeights);

    internal override void StepCore(ReadOnlySpan<float> input, ReadOnlySpan<float> state, float elapsedSeconds, Span<float> nextState, Span<float> output, Span<float> scratch)
    {
        Advance(input, state, elapsedSeconds, nextState, scratch);
        nextState.CopyTo(output);
    }

    /// <summary>The step without the output copy (the output of a CfC cell is its new state).</summary>
    internal void Advance(ReadOnlySpan<float> input, ReadOnlySpan<float> state, float dt, Span<float> nextState, Span<float> scratch)
    {
        int units = StateSize;
        int zWidth = InputSize + units;
        int backbonePadded = PackedMatrix.PadRows(Math.Max(_backboneUnits, 1));
        var z = scratch[..zWidth];
        input.CopyTo(z);
        state.CopyTo(z[InputSize..]);

        ReadOnlySpan<float> features = z;
        for (int layer = 0; layer < _backbone.Length; layer++)
        {
            var buffer = scratch.Slice(zWidth + (layer & 1) * backbonePadded, backbonePadded);
            _backbone[layer].Multiply(features, buffer);
            var activated = buffer[.._backboneUnits];
            Activations.Apply(_activation, activated);
            features = activated;
        }

        var heads = scratch.Slice(zWidth + 2 * backbonePadded, _headsLength);
        var result = scratch.Slice(zWidth + 2 * backbonePadded + _headsLength, _paddedUnits);
        _heads.Multiply(features, heads);
        if (Mode == CfcMode.Pure)
        {
            CombinePure(heads, dt, result);
        }
        else
        {
            CombineGated(heads, dt, result);
        }

        result[..units].CopyTo(nextState);
    }

    /// <summary>h' = A - A exp(-dt (|w_tau| + |f1|)) f1, a whole vector of neurons at a time.</summary>
    private void CombinePure(Span<float> heads, float dt, Span<float> result)
    {
        ref float f1 = ref MemoryMarshal.GetReference(heads);
        ref float r = ref MemoryMarshal.GetReference(result);
        var minusDt = new Vector<float>(-dt);
        for (int k = 0; k < _paddedUnits; k += Vector<float>.Count)
        {
            var ff1 = Vector.LoadUnsafe(ref f1, (nuint)k);
            var a = Vector.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(_a), (nuint)k);
            var tau = Vector.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(_wTauAbs), (nuint)k);
            var decay = VectorMath.Exp(minusDt * (tau + Vector.Abs(ff1)));
            (a - a * decay * ff1).StoreUnsafe(ref r, (nuint)k);
        }
    }

    /// <summary>
    /// default: f1 (1 - g) + g f2 = f1 + g (f2 - f1); no_gate: f1 + g f2; with f1 = tanh ff1, f2 = tanh ff2,
    /// g = sigmoid(time_a dt + time_b), a whole vector of neurons at a time.
    /// </summary>
    private void CombineGated(Span<float> heads, float dt, Span<float> result)
    {
        int u = StateSize;
        ref float h = ref MemoryMarshal.GetReference(heads);
        ref float r = ref MemoryMarshal.GetReference(result);
        var vdt = new Vector<float>(dt);
        bool gated = Mode == CfcMode.Default;
        for (int k = 0; k < _paddedUnits; k += Vector<float>.Count)
        {
            var f1 = VectorMath.Tanh(Vector.LoadUnsafe(ref h, (nuint)k));
            var f2 = VectorMath.Tanh(Vector.LoadUnsafe(ref h, (nuint)(u + k)));
            var g = VectorMath.Sigmoid(Vector.MultiplyAddEstimate(Vector.LoadUnsafe(ref h, (nuint)(2 * u + k)), vdt, Vector.LoadUnsafe(ref h, (nuint)(3 * u + k))));
            var next = gated ? Vector.MultiplyAddEstimate(g, f2 - f1, f1) : Vector.MultiplyAddEstimate(g, f2, f1);
            next.StoreUnsafe(ref r, (nuint)k);
        }
    }
}
