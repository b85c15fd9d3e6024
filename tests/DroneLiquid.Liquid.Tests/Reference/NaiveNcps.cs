using DroneLiquid.Liquid.Models;
using DroneLiquid.Liquid.Tensors;

namespace DroneLiquid.Liquid.Tests.Reference;

/// <summary>
/// A deliberately plain double-precision transcription of the reference README's formulas, one loop per sum,
/// with no layout tricks: the oracle for options the ncps files do not cover (mixed memory, proj, deep
/// backbones with dropout, every activation, LTC mappings and constraints off).
/// </summary>
internal static class NaiveNcps
{
    public static (double[] Output, double[] H, double[] C) Step(LiquidModelSpec spec, TensorDictionary w, float[] x, double[] h, double[] c, double dt)
    {
        double[] xd = x.Select(v => (double)v).ToArray();
        double[] newC = c;
        if (spec.MixedMemory)
        {
            (h, newC) = Lstm(w, xd, h, c);
        }

        double[] output, newH;
        switch (spec)
        {
            case CfcSpec s:
                newH = Cfc(w, "rnn_cell.", xd, h, dt, s.Mode, s.Activation, s.BackboneLayers, s.BackboneDropout, masked: false);
                output = s.ProjSize is null ? newH : Linear(w, "fc", newH);
                break;
            case WiredCfcSpec s:
                newH = new double[h.Length];
                double[] layerInput = xd;
                int offset = 0;
                for (int k = 0; k < s.Wiring.Layers.Count; k++)
                {
                    int n = s.Wiring.Layers[k].NeuronIds.Count;
                    var layerState = Cfc(w, $"rnn_cell.layer_{k}.", layerInput, h[offset..(offset + n)], dt, s.Mode, BackboneActivation.LecunTanh, 0, 0, masked: true);
                    layerState.CopyTo(newH, offset);
                    layerInput = layerState;
                    offset += n;
                }

                output = s.ProjSize is null ? layerInput : Linear(w, "fc", layerInput);
                break;
            case LtcSpec s:
                (newH, output) = Ltc(w, s, xd, h, dt);
                break;
            default:
                throw new ArgumentException(spec.GetType().Name);
        }

        return (output, newH, newC);
    }

    private static double[] Cfc(TensorDictionary w, string p, double[] x, double[] h, double dt, CfcMode mode, BackboneActivation act, int layers, float dropout, bool masked)
    {
        double[] z = [.. x, .. h];
        // Rebuild the nn.Sequential list to find each Linear's index.
        var sequential = new List<string> { "linear", "act" };
        for (int i = 1; i < layers; i++)
        {
            sequential.AddRange(["linear", "act"]);
            if (dropout > 0) sequential.Add("dropout");
        }

        var linearIndices = sequential.Select((kind, i) => (kind, i)).Where(e => e.kind == "linear").Select(e => e.i).ToArray();
        for (int l = 0; l < layers; l++)
        {
            z = Linear(w, $"{p}backbone.{linearIndices[l]}", z).Select(v => Activate(act, v)).ToArray();
        }

        float[]? mask = masked ? w.Get(p + "sparsity_mask").Data : null;
        double[] f1 = Linear(w, p + "ff1", z, mask);
        int u = f1.Length;
        var result = new double[u];
        if (mode == CfcMode.Pure)
        {
            float[] a = w.Get(p + "A").Data, tau = w.Get(p + "w_tau").Data;
            for (int j = 0; j < u; j++) result[j] = -a[j] * Math.Exp(-dt * (Math.Abs(tau[j]) + Math.Abs(f1[j]))) * f1[j] + a[j];
            return result;
        }

        double[] f2 = Linear(w, p + "ff2", z, mask), ta = Linear(w, p + "time_a", z), tb = Linear(w, p + "time_b", z);
        for (int j = 0; j < u; j++)
        {
            double g = Sigmoid(ta[j] * dt + tb[j]);
            double t1 = Math.Tanh(f1[j]), t2 = Math.Tanh(f2[j]);
            result[j] = mode == CfcMode.NoGate ? t1 + g * t2 : t1 * (1.0 - g) + g * t2;
        }

        return result;
    }

    private static (double[] H, double[] C) Lstm(TensorDictionary w, double[] x, double[] h, double[] c)
    {
        double[] q = Linear(w, "lstm.input_map", x);
        float[] rec = w.Get("lstm.recurrent_map.weight").Data;
        int u = h.Length;
        for (int r = 0; r < 4 * u; r++)
        for (int k = 0; k < u; k++) q[r] += rec[r * u + k] * h[k];
        var newH = new double[u];
        var newC = new double[u];
        for (int j = 0; j < u; j++)
        {
            newC[j] = c[j] * Sigmoid(q[2 * u + j] + 1.0) + Math.Tanh(q[j]) * Sigmoid(q[u + j]);
            newH[j] = Math.Tanh(newC[j]) * Sigmoid(q[3 * u + j]);
        }

        return (newH, newC);
    }

    private static (double[] H, double[] Output) Ltc(TensorDictionary w, LtcSpec s, double[] x, double[] v, double dt)
    {
        int n = s.Wiring.Units, m = s.InputSize;
        Func<string, float[]> get = name => w.Get("rnn_cell." + name).Data;
        Func<double, double> constrain = p => s.ImplicitParamConstraints ? Math.Log(1 + Math.Exp(p)) : p;
        x = Map(x, s.InputMapping, w, "input");
        var ns = new double[n];
        var ds = new double[n];
        for (int i = 0; i < m; i++)
        for (int j = 0; j < n; j++)
        {
            int at = i * n + j;
            double a = constrain(get("sensory_w")[at]) * Sigmoid(get("sensory_sigma")[at] * (x[i] - get("sensory_mu")[at])) * get("sensory_sparsity_mask")[at];
            ns[j] += a * get("sensory_erev")[at];
            ds[j] += a;
        }

        v = (double[])v.Clone();
        for (int unfold = 0; unfold < s.OdeUnfolds; unfold++)
        {
            var next = new double[n];
            for (int j = 0; j < n; j++)
            {
                double num = ns[j], den = ds[j];
                for (int i = 0; i < n; i++)
                {
                    int at = i * n + j;
                    double a = constrain(get("w")[at]) * Sigmoid(get("sigma")[at] * (v[i] - get("mu")[at])) * get("sparsity_mask")[at];
                    num += a * get("erev")[at];
                    den += a;
                }

                double cmT = constrain(get("cm")[j]) / (dt / s.OdeUnfolds), gleak = constrain(get("gleak")[j]);
                next[j] = (cmT * v[j] + gleak * get("vleak")[j] + num) / (cmT + gleak + den + s.Epsilon);
            }

            v = next;
        }

        return (v, Map(v[..s.Wiring.OutputDim], s.OutputMapping, w, "output"));
    }

    private static double[] Map(double[] x, LtcMapping mapping, TensorDictionary w, string which) => mapping switch
    {
        LtcMapping.Affine => x.Select((v, i) => v * w.Get($"rnn_cell.{which}_w").Data[i] + w.Get($"rnn_cell.{which}_b").Data[i]).ToArray(),
        LtcMapping.Linear => x.Select((v, i) => v * w.Get($"rnn_cell.{which}_w").Data[i]).ToArray(),
        _ => x,
    };

    private static double[] Linear(TensorDictionary w, string name, double[] z, float[]? mask = null)
    {
        float[] weight = w.Get(name + ".weight").Data, bias = w.Get(name + ".bias").Data;
        int cols = z.Length;
        var y = new double[bias.Length];
        for (int r = 0; r < y.Length; r++)
        {
            y[r] = bias[r];
            for (int k = 0; k < cols; k++) y[r] += weight[r * cols + k] * (mask?[r * cols + k] ?? 1f) * z[k];
        }

        return y;
    }

    private static double Activate(BackboneActivation act, double v) => act switch
    {
        BackboneActivation.LecunTanh => 1.7159 * Math.Tanh(0.666 * v),
        BackboneActivation.Tanh => Math.Tanh(v),
        BackboneActivation.Relu => Math.Max(v, 0),
        BackboneActivation.Silu => v * Sigmoid(v),
        BackboneActivation.Gelu => 0.5 * v * (1 + MathNet.Numerics.SpecialFunctions.Erf(v / Math.Sqrt(2))),
        _ => throw new ArgumentOutOfRangeException(nameof(act)),
    };

    private static double Sigmoid(double v) => 1.0 / (1.0 + Math.Exp(-v));
}
