using System.Numerics.Tensors;
using DroneLiquid.Liquid.Models;

namespace DroneLiquid.Liquid.Cells;

/// <summary>
/// The mixed-memory LSTM of ncps (<c>mixed_memory=True</c>), run before the liquid cell on every step:
/// <c>q = W_in x + b_in + W_rec h</c> split into i, ig, fg, og;
/// <c>c' = c sigmoid(fg + 1) + tanh(i) sigmoid(ig)</c>, <c>h' = tanh(c') sigmoid(og)</c>.
/// </summary>
/// <remarks>
/// Parameters <c>lstm.input_map.weight</c> [4 units, inputs], <c>lstm.input_map.bias</c> [4 units] and
/// <c>lstm.recurrent_map.weight</c> [4 units, units] (no recurrent bias). At load both maps are joined into
/// one [4 units, inputs + units] matrix over <c>[x, h]</c>, so a step is a single product.
/// </remarks>
public sealed class LstmMemoryCell
{
    private readonly PackedMatrix _map;

    internal LstmMemoryCell(WeightReader weights, int inputSize, int units)
    {
        InputSize = inputSize;
        Units = units;
        int width = inputSize + units;
        var input = weights.Take("lstm.input_map.weight", ParameterInit.Xavier, 4 * units, inputSize);
        var bias = weights.Take("lstm.input_map.bias", ParameterInit.Bias, 4 * units);
        var recurrent = weights.Take("lstm.recurrent_map.weight", ParameterInit.Xavier, 4 * units, units);
        var joined = new float[4 * units * width];
        for (int r = 0; r < 4 * units; r++)
        {
            input.AsSpan(r * inputSize, inputSize).CopyTo(joined.AsSpan(r * width));
            recurrent.AsSpan(r * units, units).CopyTo(joined.AsSpan(r * width + inputSize));
        }

        _map = PackedMatrix.Create(joined, 4 * units, width, bias);
        ScratchLength = width + _map.PaddedRows;
    }

    public int InputSize { get; }

    public int Units { get; }

    public int ScratchLength { get; }

    /// <summary>One LSTM update. <paramref name="h"/>/<paramref name="c"/> must not overlap the outputs.</summary>
    public void Step(ReadOnlySpan<float> x, ReadOnlySpan<float> h, ReadOnlySpan<float> c, Span<float> nextH, Span<float> nextC, Span<float> scratch)
    {
        if (x.Length != InputSize || h.Length != Units || c.Length != Units || nextH.Length != Units || nextC.Length != Units || scratch.Length < ScratchLength)
        {
            throw new ArgumentException(
                $"LstmMemoryCell.Step expects input {InputSize}, h/c/next h/next c {Units} and scratch >= {ScratchLength} values, " +
                $"got {x.Length}, {h.Length}/{c.Length}/{nextH.Length}/{nextC.Length} and {scratch.Length}");
        }

        int u = Units;
        var z = scratch[..(InputSize + u)];
        x.CopyTo(z);
        h.CopyTo(z[InputSize..]);
        var q = scratch.Slice(InputSize + u, _map.PaddedRows);
        _map.Multiply(z, q);
        var i = q[..u];
        var gates = q.Slice(u, 3 * u);
        var forget = q.Slice(2 * u, u);
        var output = q.Slice(3 * u, u);
        TensorPrimitives.Tanh(i, i);
        TensorPrimitives.Add(forget, 1f, forget);
        TensorPrimitives.Sigmoid(gates, gates);
        var inputGate = q.Slice(u, u);
        TensorPrimitives.Multiply(i, inputGate, i);
        TensorPrimitives.MultiplyAdd(c, forget, i, nextC);
        TensorPrimitives.Tanh(nextC, nextH);
        TensorPrimitives.Multiply(nextH, output, nextH);
    }
}
