using DroneLiquid.Liquid.Models;
using DroneLiquid.Liquid.Policies;
using TorchSharp;
using static TorchSharp.torch;

namespace DroneLiquid.Training.Modules;

/// <summary>
/// A CfC on a wiring, as ncps's <c>WiredCfCCell</c> and our native <c>WiredCfcCell</c>: one backbone-free CfC
/// layer per wiring layer (<c>layer_0</c>, <c>layer_1</c>, ..), each with the fixed sparsity mask the wiring
/// implies (<see cref="StateDictLayout.ImpliedMask"/>, so what is trained is exactly what policy.json says).
/// Layer 0 reads the input, layer k the new state of layer k-1; the output is the last layer's new state.
/// </summary>
public sealed class TorchWiredCfc : nn.Module
{
    private readonly TorchCfcCell[] _layers;
    private readonly long[] _sizes;

    public TorchWiredCfc(WiredCfcSpec spec)
        : base("wired_cfc")
    {
        if (spec.Mode != CfcMode.Default)
        {
            throw new ArgumentException($"training supports CfC mode default only, got {NcpsNames.Of(spec.Mode)}", nameof(spec));
        }

        var wiring = spec.Wiring;
        _layers = new TorchCfcCell[wiring.Layers.Count];
        _sizes = new long[wiring.Layers.Count];
        int inputs = spec.InputSize;
        for (int k = 0; k < wiring.Layers.Count; k++)
        {
            int units = wiring.Layers[k].NeuronIds.Count;
            string name = $"rnn_cell.layer_{k}.sparsity_mask";
            float[] mask = StateDictLayout.ImpliedMask(spec, name)
                ?? throw new InvalidOperationException($"the wiring gives no mask for {name}");
            _layers[k] = new TorchCfcCell(inputs, units, 0, 0, tensor(mask, [units, inputs + units]));
            register_module($"layer_{k}", _layers[k]);
            _sizes[k] = units;
            inputs = units;
        }

        Units = wiring.Units;
        OutputSize = (int)_sizes[^1];
    }

    public int Units { get; }

    public int OutputSize { get; }

    /// <summary>One step; returns (output [batch, OutputSize], new state [batch, Units]).</summary>
    public (Tensor Output, Tensor State) Step(Tensor x, Tensor h, Tensor dt)
    {
        var parts = h.split(_sizes, 1);
        var next = new Tensor[_layers.Length];
        var input = x;
        for (int k = 0; k < _layers.Length; k++)
        {
            next[k] = _layers[k].Step(input, parts[k], dt);
            input = next[k];
        }

        return (input, cat(next, 1));
    }
}
