using DroneLiquid.Liquid.Models;
using DroneLiquid.Liquid.Tensors;

namespace DroneLiquid.Perception.Export;

/// <summary>ONNX nodes for the CfC cell (ncps <c>CfCCell</c>) and the wired CfC (one CfC layer per wiring layer).</summary>
internal static class CfcCellExport
{
    private const float LecunScale = 1.7159f;
    private const float LecunSlope = 0.666f;

    public static (string NextH, string Output) Dense(OnnxGraphBuilder g, TensorDictionary weights, CfcSpec spec, string x, string h, string ts)
    {
        string next = Cell(g, weights, "rnn_cell.", x, h, ts, spec.InputSize, spec.Units, spec.Mode, spec.Activation, spec.BackboneLayers, spec.BackboneUnits, spec.BackboneDropout, null);
        return (next, next);
    }

    /// <summary>Layer k reads the input (k = 0) or layer k-1's new state, and its slice of h; h_next is the layers concatenated.</summary>
    public static (string NextH, string Output) Wired(OnnxGraphBuilder g, TensorDictionary weights, WiredCfcSpec spec, string x, string h, string ts)
    {
        var wiring = spec.Wiring;
        var states = new string[wiring.Layers.Count];
        string layerInput = x;
        int offset = 0;
        for (int k = 0; k < wiring.Layers.Count; k++)
        {
            int units = wiring.Layers[k].NeuronIds.Count;
            int inputs = k == 0 ? wiring.InputDim : wiring.Layers[k - 1].NeuronIds.Count;
            string layerState = g.Columns(h, offset, offset + units);
            states[k] = Cell(g, weights, $"rnn_cell.layer_{k}.", layerInput, layerState, ts, inputs, units, spec.Mode, BackboneActivation.LecunTanh, 0, 0, 0f, weights.Get($"rnn_cell.layer_{k}.sparsity_mask").Data);
            layerInput = states[k];
            offset += units;
        }

        return (states.Length == 1 ? states[0] : g.Concat(1, states), states[^1]);
    }

    private static string Cell(
        OnnxGraphBuilder g, TensorDictionary weights, string prefix, string x, string h, string ts,
        int inputSize, int units, CfcMode mode, BackboneActivation activation, int backboneLayers, int backboneUnits, float dropout, float[]? mask)
    {
        string features = g.Concat(1, x, h);
        int width = inputSize + units;
        for (int layer = 0; layer < backboneLayers; layer++)
        {
            int index = layer == 0 ? 0 : dropout > 0f ? 3 * layer - 1 : 2 * layer;
            features = Activate(g, activation, g.Linear(features, $"backbone{layer}", weights.Get($"{prefix}backbone.{index}.weight").Data, backboneUnits, width, weights.Get($"{prefix}backbone.{index}.bias").Data));
            width = backboneUnits;
        }

        string Head(string head, bool masked)
        {
            var w = weights.Get($"{prefix}{head}.weight").Data.ToArray();
            if (masked && mask is not null)
            {
                for (int i = 0; i < w.Length; i++) w[i] *= mask[i];
            }

            return g.Linear(features, head, w, units, width, weights.Get($"{prefix}{head}.bias").Data);
        }

        string ff1 = Head("ff1", masked: true);
        if (mode == CfcMode.Pure)
        {
            // h' = A - A exp(-ts (|w_tau| + |ff1|)) ff1
            var wTau = weights.Get($"{prefix}w_tau").Data.Select(Math.Abs).ToArray();
            string a = g.Constant("A", weights.Get($"{prefix}A").Data, 1, units);
            string rate = g.Add(g.Constant("abs_w_tau", wTau, 1, units), g.Unary("Abs", ff1));
            string decay = g.Unary("Exp", g.Mul(g.Unary("Neg", ts), rate));
            return g.Sub(a, g.Mul(g.Mul(a, decay), ff1));
        }

        string f1 = g.Unary("Tanh", ff1);
        string f2 = g.Unary("Tanh", Head("ff2", masked: true));
        string gate = g.Unary("Sigmoid", g.Add(g.Mul(Head("time_a", masked: false), ts), Head("time_b", masked: false)));
        return mode == CfcMode.Default
            ? g.Add(f1, g.Mul(gate, g.Sub(f2, f1))) // f1 (1 - g) + g f2
            : g.Add(f1, g.Mul(gate, f2));
    }

    private static string Activate(OnnxGraphBuilder g, BackboneActivation activation, string v) => activation switch
    {
        BackboneActivation.LecunTanh => g.Mul(g.Unary("Tanh", g.Mul(v, g.Scalar("lecun_slope", LecunSlope))), g.Scalar("lecun_scale", LecunScale)),
        BackboneActivation.Tanh => g.Unary("Tanh", v),
        BackboneActivation.Relu => g.Unary("Relu", v),
        BackboneActivation.Silu => g.Mul(v, g.Unary("Sigmoid", v)),
        BackboneActivation.Gelu => g.Mul(g.Mul(v, g.Scalar("half", 0.5f)), g.Add(g.Scalar("one", 1f), g.Unary("Erf", g.Mul(v, g.Scalar("inv_sqrt2", 0.70710678f))))),
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "unknown backbone activation"),
    };
}
