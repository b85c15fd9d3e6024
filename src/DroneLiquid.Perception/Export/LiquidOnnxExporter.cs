using DroneLiquid.Liquid.Models;
using DroneLiquid.Liquid.Tensors;
using DroneLiquid.Perception.Recurrent;

namespace DroneLiquid.Perception.Export;

/// <summary>
/// Writes one step of a liquid model (CfC in every mode, with or without backbone, projection or mixed
/// memory; wired CfC/NCP; LTC) as an ONNX graph with the ncps single-step signature
/// (<see cref="OnnxStepSignature"/>), so a model trained or imported here runs in any ONNX tool.
/// </summary>
/// <remarks>
/// Everything that depends only on weights is folded at export: the sparsity masks of the state_dict (which the
/// native loader has checked against the wiring) into ff1/ff2 (wired CfC) and
/// into LTC synapses, |w_tau| (pure CfC), the LTC softplus constraints and w*erev products, and the +1 of
/// the LSTM forget gate. Elementwise activations use basic ONNX ops (Tanh, Sigmoid, Relu, Erf for GELU).
/// </remarks>
public static class LiquidOnnxExporter
{
    /// <summary>The ONNX operator set the graphs use.</summary>
    public const int Opset = OnnxGraphBuilder.Opset;

    /// <summary>The step signature the exported graph has.</summary>
    public static OnnxStepSignature SignatureOf(LiquidModelSpec spec) => new(spec.InputSize, spec.StateSize, spec.OutputSize, spec.MixedMemory);

    /// <summary>Serializes one step of the model.</summary>
    /// <exception cref="InvalidDataException">The weights do not fit the spec (the native loader's message).</exception>
    /// <exception cref="ArgumentException">The spec is inconsistent.</exception>
    public static byte[] Export(LiquidModelSpec spec, TensorDictionary weights, string name = "liquid_step")
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(weights);
        LiquidModel.Create(spec, weights); // the same validation as the native runtime: every key, shape, mask and value
        var g = new OnnxGraphBuilder(name);
        var sig = SignatureOf(spec);
        g.Input(OnnxStepSignature.X, 1, sig.InputSize);
        g.Input(OnnxStepSignature.H, 1, sig.StateSize);
        if (sig.HasCellState) g.Input(OnnxStepSignature.C, 1, sig.StateSize);
        g.Input(OnnxStepSignature.Ts, 1, 1);

        string state = OnnxStepSignature.H;
        if (spec.MixedMemory)
        {
            var (lstmH, nextC) = Lstm(g, weights, spec.InputSize, spec.StateSize);
            g.NodeTo("Identity", [nextC], [OnnxStepSignature.CNext]);
            state = lstmH;
        }

        var (nextH, output) = spec switch
        {
            CfcSpec c => CfcCellExport.Dense(g, weights, c, OnnxStepSignature.X, state, OnnxStepSignature.Ts),
            WiredCfcSpec w => CfcCellExport.Wired(g, weights, w, OnnxStepSignature.X, state, OnnxStepSignature.Ts),
            LtcSpec l => LtcCellExport.Step(g, weights, l, OnnxStepSignature.X, state, OnnxStepSignature.Ts),
            _ => throw new ArgumentException($"cannot export {spec.GetType().Name}", nameof(spec)),
        };

        int? proj = spec switch { CfcSpec c => c.ProjSize, WiredCfcSpec w => w.ProjSize, _ => null };
        if (proj is int p)
        {
            var fcW = weights.Get("fc.weight");
            output = g.Linear(output, "fc", fcW.Data, p, fcW.Shape[1], weights.Get("fc.bias").Data);
        }

        g.NodeTo("Identity", [nextH], [OnnxStepSignature.HNext]);
        g.NodeTo("Identity", [output], [OnnxStepSignature.Y]);
        g.Output(OnnxStepSignature.Y, 1, sig.OutputSize);
        g.Output(OnnxStepSignature.HNext, 1, sig.StateSize);
        if (sig.HasCellState) g.Output(OnnxStepSignature.CNext, 1, sig.StateSize);
        return g.ToBytes("DroneLiquid", $"one step of {LiquidModel.Describe(spec)}; inputs x, h{(sig.HasCellState ? ", c" : "")}, ts (elapsed seconds)");
    }

    /// <summary>Exports to a file (overwriting it).</summary>
    public static void ExportFile(LiquidModelSpec spec, TensorDictionary weights, string path) =>
        File.WriteAllBytes(path, Export(spec, weights, Path.GetFileNameWithoutExtension(path)));

    /// <summary>
    /// The mixed-memory LSTM: q = [x, h] [W_in | W_rec]^T + b_in in four chunks i, ig, fg, og;
    /// c' = c sigmoid(fg + 1) + tanh(i) sigmoid(ig), h' = tanh(c') sigmoid(og).
    /// </summary>
    private static (string H, string C) Lstm(OnnxGraphBuilder g, TensorDictionary weights, int inputSize, int units)
    {
        var input = weights.Get("lstm.input_map.weight").Data;
        var bias = weights.Get("lstm.input_map.bias").Data;
        var recurrent = weights.Get("lstm.recurrent_map.weight").Data;
        string z = g.Concat(1, OnnxStepSignature.X, OnnxStepSignature.H);
        int width = inputSize + units;
        var chunks = new string[4];
        for (int chunk = 0; chunk < 4; chunk++)
        {
            var w = new float[units * width];
            var b = bias.AsSpan(chunk * units, units).ToArray();
            for (int r = 0; r < units; r++)
            {
                int row = chunk * units + r;
                input.AsSpan(row * inputSize, inputSize).CopyTo(w.AsSpan(r * width));
                recurrent.AsSpan(row * units, units).CopyTo(w.AsSpan(r * width + inputSize));
                if (chunk == 2) b[r] += 1f; // forget gate bias of +1, as ncps adds it
            }

            chunks[chunk] = g.Linear(z, $"lstm{chunk}", w, units, width, b);
        }

        string keep = g.Mul(OnnxStepSignature.C, g.Unary("Sigmoid", chunks[2]));
        string write = g.Mul(g.Unary("Tanh", chunks[0]), g.Unary("Sigmoid", chunks[1]));
        string nextC = g.Add(keep, write);
        string nextH = g.Mul(g.Unary("Tanh", nextC), g.Unary("Sigmoid", chunks[3]));
        return (nextH, nextC);
    }
}
