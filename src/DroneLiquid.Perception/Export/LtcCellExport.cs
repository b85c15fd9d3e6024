using DroneLiquid.Liquid.Models;
using DroneLiquid.Liquid.Tensors;

namespace DroneLiquid.Perception.Export;

/// <summary>
/// ONNX nodes for the LTC cell (ncps <c>LTCCell</c>) with its semi-implicit solver unrolled
/// <c>ode_unfolds</c> times. Synapse activations are computed as [sources, neurons] matrices (the
/// presynaptic row reshaped to a column broadcasts against sigma and mu) and summed over sources.
/// </summary>
/// <remarks>
/// Folded at export: softplus on gleak, cm, w and sensory_w (when constraints are on), the masks into w,
/// w*erev, gleak*vleak. Elapsed time 0 gives cm_t = +inf; like the native cell the graph then keeps the
/// state unchanged (Where over IsInf) rather than returning NaN as ncps does.
/// </remarks>
internal static class LtcCellExport
{
    public static (string NextH, string Output) Step(OnnxGraphBuilder g, TensorDictionary weights, LtcSpec spec, string x, string h, string ts)
    {
        var wiring = spec.Wiring;
        int n = wiring.Units, m = wiring.InputDim, o = wiring.OutputDim;
        bool constrain = spec.ImplicitParamConstraints;
        float[] Param(string name) => weights.Get("rnn_cell." + name).Data;
        float[] Constrained(string name) => constrain ? Param(name).Select(Softplus).ToArray() : Param(name);

        var gleak = Constrained("gleak");
        var gleakVleak = gleak.Zip(Param("vleak"), (a, b) => a * b).ToArray();
        var cm = Constrained("cm");

        string mapped = Mapping(g, weights, "input", spec.InputMapping, x, m);
        var sensory = SynapseConstants.Create(g, "sensory", m, n, Param("sensory_sigma"), Param("sensory_mu"), Constrained("sensory_w"), Param("sensory_erev"), Param("sensory_sparsity_mask"));
        var (sensoryNum, sensoryDen) = Synapses(g, mapped, m, sensory);

        string cmScale = g.Div(g.Scalar("unfolds", spec.OdeUnfolds), ts);
        string cmT = g.Mul(g.Constant("cm", cm, 1, n), cmScale);
        string frozen = g.Unary("IsInf", cmT);
        string gleakName = g.Constant("gleak", gleak, 1, n);
        string gleakVleakName = g.Constant("gleak_vleak", gleakVleak, 1, n);
        string epsilon = g.Scalar("epsilon", spec.Epsilon);
        var recurrent = SynapseConstants.Create(g, "recurrent", n, n, Param("sigma"), Param("mu"), Constrained("w"), Param("erev"), Param("sparsity_mask"));

        string v = h;
        for (int unfold = 0; unfold < spec.OdeUnfolds; unfold++)
        {
            var (num, den) = Synapses(g, v, n, recurrent);
            string numerator = g.Add(g.Add(g.Mul(cmT, v), gleakVleakName), g.Add(sensoryNum, num));
            string denominator = g.Add(g.Add(g.Add(cmT, gleakName), g.Add(sensoryDen, den)), epsilon);
            v = g.Node("Where", [frozen, v, g.Div(numerator, denominator)]);
        }

        string motor = o == n ? v : g.Columns(v, 0, o);
        return (v, Mapping(g, weights, "output", spec.OutputMapping, motor, o));
    }

    /// <summary>torch nn.Softplus: ln(1 + e^p), and p itself above 20.</summary>
    private static float Softplus(float p) => p > 20f ? p : (float)Math.Log(1.0 + Math.Exp(p));

    private static string Mapping(OnnxGraphBuilder g, TensorDictionary weights, string which, LtcMapping mapping, string value, int size)
    {
        if (mapping == LtcMapping.None) return value;
        string result = g.Mul(value, g.Constant($"{which}_w", weights.Get($"rnn_cell.{which}_w").Data, 1, size));
        return mapping == LtcMapping.Affine ? g.Add(result, g.Constant($"{which}_b", weights.Get($"rnn_cell.{which}_b").Data, 1, size)) : result;
    }

    /// <summary>
    /// For pre [1, sources]: a = w' sigmoid(sigma (pre^T - mu)) over [sources, neurons] with w' = w * mask;
    /// returns (Σ_i a erev, Σ_i a) as [1, neurons] rows.
    /// </summary>
    private static (string Numerator, string Denominator) Synapses(OnnxGraphBuilder g, string pre, int sources, SynapseConstants c)
    {
        string column = g.Node("Reshape", [pre, g.Int64s("column", sources, 1)]);
        string activation = g.Unary("Sigmoid", g.Mul(c.Sigma, g.Sub(column, c.Mu)));
        string axes = g.Int64s("axes", 0);
        var keep = OnnxGraphBuilder.IntAttribute("keepdims", 1);
        string numerator = g.Node("ReduceSum", [g.Mul(activation, c.WErev), axes], keep);
        string denominator = g.Node("ReduceSum", [g.Mul(activation, c.W), axes], keep);
        return (numerator, denominator);
    }

    /// <summary>The names of one synapse group's [sources, neurons] initializers, added to the graph once and shared by every unfold.</summary>
    private sealed record SynapseConstants(string Sigma, string Mu, string W, string WErev)
    {
        public static SynapseConstants Create(OnnxGraphBuilder g, string hint, int sources, int neurons, float[] sigma, float[] mu, float[] w, float[] erev, float[] mask)
        {
            var masked = w.Zip(mask, (a, b) => a * b).ToArray();
            var maskedErev = masked.Zip(erev, (a, b) => a * b).ToArray();
            return new SynapseConstants(
                g.Constant(hint + "_sigma", sigma, sources, neurons),
                g.Constant(hint + "_mu", mu, sources, neurons),
                g.Constant(hint + "_w", masked, sources, neurons),
                g.Constant(hint + "_w_erev", maskedErev, sources, neurons));
        }
    }
}
