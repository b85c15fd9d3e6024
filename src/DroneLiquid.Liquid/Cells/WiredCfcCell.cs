using DroneLiquid.Liquid.Models;
using DroneLiquid.Liquid.Wirings;

namespace DroneLiquid.Liquid.Cells;

/// <summary>
/// A CfC on a wiring (ncps <c>WiredCfCCell</c>): one backbone-free <see cref="CfcCell"/> per wiring layer,
/// run in layer order; layer 0 reads the input, layer k the new state of layer k-1.
/// </summary>
/// <remarks>
/// The state is the layers' states concatenated in run order (for NCP: inter, command, motor, i.e.
/// <see cref="Wiring.StateLayout"/>); the output is the last layer's new state. Each layer's
/// <c>rnn_cell.layer_K.sparsity_mask</c> [units, inputs + units] holds |polarity| of the synapses into the
/// layer (sensory matrix for layer 0, adjacency from the previous layer otherwise) and ones for the
/// recurrent block; it is folded into ff1/ff2 at load, while time_a/time_b stay dense, as in ncps.
/// </remarks>
public sealed class WiredCfcCell : LiquidCell
{
    private readonly CfcCell[] _layers;
    private readonly int[] _offsets;

    internal WiredCfcCell(WeightReader weights, Wiring wiring, CfcMode mode)
        : base(wiring.InputDim, wiring.Units, wiring.Layers[^1].NeuronIds.Count)
    {
        Wiring = wiring;
        _layers = new CfcCell[wiring.Layers.Count];
        _offsets = new int[wiring.Layers.Count];
        int offset = 0;
        for (int k = 0; k < wiring.Layers.Count; k++)
        {
            var layer = wiring.Layers[k];
            int inputs = k == 0 ? wiring.InputDim : wiring.Layers[k - 1].NeuronIds.Count;
            float[] mask = LayerMask(wiring, k);
            _layers[k] = new CfcCell(weights, $"rnn_cell.layer_{k}.", inputs, layer.NeuronIds.Count, mode, BackboneActivation.LecunTanh, 0, 0, 0f, mask);
            _offsets[k] = offset;
            offset += layer.NeuronIds.Count;
        }

        ScratchLength = _layers.Max(l => l.ScratchLength);
    }

    public Wiring Wiring { get; }

    public override int ScratchLength { get; }

    /// <summary>Stored weights touched by one step over all layers.</summary>
    public int StoredWeights => _layers.Sum(l => l.StoredWeights);

    /// <summary>The [units, inputs + units] mask ncps derives for layer <paramref name="k"/>, row-major.</summary>
    internal static float[] LayerMask(Wiring wiring, int k)
    {
        var neurons = wiring.Layers[k].NeuronIds;
        int inputs = k == 0 ? wiring.InputDim : wiring.Layers[k - 1].NeuronIds.Count;
        int width = inputs + neurons.Count;
        var mask = new float[neurons.Count * width];
        for (int j = 0; j < neurons.Count; j++)
        {
            for (int i = 0; i < inputs; i++)
            {
                int polarity = k == 0 ? wiring.SensorySynapse(i, neurons[j]) : wiring.Synapse(wiring.Layers[k - 1].NeuronIds[i], neurons[j]);
                mask[j * width + i] = Math.Abs(polarity);
            }

            mask.AsSpan(j * width + inputs, neurons.Count).Fill(1f);
        }

        return mask;
    }

    internal override void StepCore(ReadOnlySpan<float> input, ReadOnlySpan<float> state, float elapsedSeconds, Span<float> nextState, Span<float> output, Span<float> scratch)
    {
        ReadOnlySpan<float> layerInput = input;
        for (int k = 0; k < _layers.Length; k++)
        {
            var layer = _layers[k];
            var next = nextState.Slice(_offsets[k], layer.StateSize);
            layer.Advance(layerInput, state.Slice(_offsets[k], layer.StateSize), elapsedSeconds, next, scratch);
            layerInput = next;
        }

        layerInput.CopyTo(output);
    }
}
