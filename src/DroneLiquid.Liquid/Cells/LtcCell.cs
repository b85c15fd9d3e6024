using System.Numerics.Tensors;
using DroneLiquid.Liquid.Models;
using DroneLiquid.Liquid.Wirings;

namespace DroneLiquid.Liquid.Cells;

/// <summary>
/// The liquid time-constant cell of ncps (<c>LTCCell</c>) with its fused semi-implicit solver: the input is
/// mapped, sensory synapses give (Ns, Ds) once per step, then <c>ode_unfolds</c> times every neuron j is set to
/// <c>(cm_t v_j + gleak vleak + N_j) / (cm_t + gleak + D_j + epsilon)</c> with <c>cm_t = cm / (dt / unfolds)</c>.
/// The output is <c>v[0 .. output_dim)</c> (the motor neurons) through the output mapping.
/// </summary>
/// <remarks>
/// <para>At load the softplus constraint (when enabled) is applied once to w, sensory_w, cm and gleak, the
/// masks are folded in by dropping absent synapses, and the synapses are stored grouped by destination
/// (source index, sigma, mu, w and w*erev side by side), so a solver iteration touches only real synapses.</para>
/// <para>Elapsed time 0: ncps divides by zero there (cm_t infinite) and returns NaN. This cell returns the
/// limit of the ODE as dt -&gt; 0 instead: the state is unchanged, and the output is that state mapped. The
/// same limit applies to any neuron whose cm_t overflows to infinity for a tiny positive dt.</para>
/// </remarks>
public sealed class LtcCell : LiquidCell
{
    private readonly LtcSynapses _recurrent;
    private readonly LtcSynapses _sensory;
    private readonly float[] _gleak;
    private readonly float[] _gleakVleak;
    private readonly float[] _cm;
    private readonly float[] _inputW;
    private readonly float[] _inputB;
    private readonly float[] _outputW;
    private readonly float[] _outputB;

    internal LtcCell(WeightReader weights, LtcSpec spec)
        : base(spec.InputSize, spec.Wiring.Units, spec.Wiring.OutputDim)
    {
        var wiring = spec.Wiring;
        int n = wiring.Units, m = wiring.InputDim, o = wiring.OutputDim;
        OdeUnfolds = spec.OdeUnfolds;
        Epsilon = spec.Epsilon;
        bool constrain = spec.ImplicitParamConstraints;

        var gleak = weights.Take("rnn_cell.gleak", ParameterInit.Uniform(0.001f, 1f), n);
        var vleak = weights.Take("rnn_cell.vleak", ParameterInit.Uniform(-0.2f, 0.2f), n);
        var cm = weights.Take("rnn_cell.cm", ParameterInit.Uniform(0.4f, 0.6f), n);
        var sigma = weights.Take("rnn_cell.sigma", ParameterInit.Uniform(3f, 8f), n, n);
        var mu = weights.Take("rnn_cell.mu", ParameterInit.Uniform(0.3f, 0.8f), n, n);
        var w = weights.Take("rnn_cell.w", ParameterInit.Uniform(0.001f, 1f), n, n);
        var erev = weights.Take("rnn_cell.erev", Polarities(wiring.AdjacencyMatrix()), n, n);
        var sSigma = weights.Take("rnn_cell.sensory_sigma", ParameterInit.Uniform(3f, 8f), m, n);
        var sMu = weights.Take("rnn_cell.sensory_mu", ParameterInit.Uniform(0.3f, 0.8f), m, n);
        var sW = weights.Take("rnn_cell.sensory_w", ParameterInit.Uniform(0.001f, 1f), m, n);
        var sErev = weights.Take("rnn_cell.sensory_erev", Polarities(wiring.SensoryAdjacencyMatrix()), m, n);
        var mask = weights.TakeMask("rnn_cell.sparsity_mask", Magnitudes(wiring.AdjacencyMatrix()), n, n);
        var sMask = weights.TakeMask("rnn_cell.sensory_sparsity_mask", Magnitudes(wiring.SensoryAdjacencyMatrix()), m, n);
        (_inputW, _inputB) = Mapping(weights, "input", spec.InputMapping, m);
        (_outputW, _outputB) = Mapping(weights, "output", spec.OutputMapping, o);

        _gleak = constrain ? Softplus(gleak) : gleak;
        _cm = constrain ? Softplus(cm) : cm;
        _gleakVleak = new float[n];
        TensorPrimitives.Multiply(_gleak, vleak, _gleakVleak);
        _recurrent = new LtcSynapses(n, n, sigma, mu, constrain ? Softplus(w) : w, erev, mask);
        _sensory = new LtcSynapses(m, n, sSigma, sMu, constrain ? Softplus(sW) : sW, sErev, sMask);
        // mapped input, Ns, Ds, N, D, next v, then the synapses' own scratch (used one after the other)
        ScratchLength = m + 5 * n + Math.Max(_sensory.ScratchLength, _recurrent.ScratchLength);
    }

    public override int ScratchLength { get; }

    public int OdeUnfolds { get; }

    public float Epsilon { get; }

    /// <summary>Synapses present (mask 1) between neurons and from inputs.</summary>
    public (int Recurrent, int Sensory) SynapseCount => (_recurrent.Count, _sensory.Count);

    /// <summary>torch <c>nn.Softplus()</c>: ln(1 + e^p), and p itself above the threshold 20.</summary>
    internal static float Softplus(float p) => p > 20f ? p : (float)Math.Log(1.0 + Math.Exp(p));

    internal override void StepCore(ReadOnlySpan<float> input, ReadOnlySpan<float> state, float elapsedSeconds, Span<float> nextState, Span<float> output, Span<float> scratch)
    {
        int n = StateSize, m = InputSize;
        state.CopyTo(nextState);
        if (elapsedSeconds > 0f)
        {
            var x = scratch[..m];
            var ns = scratch.Slice(m, n);
            var ds = scratch.Slice(m + n, n);
            var num = scratch.Slice(m + 2 * n, n);
            var den = scratch.Slice(m + 3 * n, n);
            var next = scratch.Slice(m + 4 * n, n);
            var synapseScratch = scratch[(m + 5 * n)..];
            input.CopyTo(x);
            if (_inputW.Length > 0) TensorPrimitives.Multiply(x, _inputW, x);
            if (_inputB.Length > 0) TensorPrimitives.Add(x, _inputB, x);
            ns.Clear();
            ds.Clear();
            _sensory.Accumulate(x, ns, ds, synapseScratch);

            float cmScale = OdeUnfolds / elapsedSeconds;
            for (int unfold = 0; unfold < OdeUnfolds; unfold++)
            {
                ns.CopyTo(num);
                ds.CopyTo(den);
                _recurrent.Accumulate(nextState, num, den, synapseScratch);
                for (int j = 0; j < n; j++)
                {
                    float cmT = _cm[j] * cmScale;
                    float vj = nextState[j];
                    next[j] = float.IsInfinity(cmT) ? vj : (cmT * vj + _gleakVleak[j] + num[j]) / (cmT + _gleak[j] + den[j] + Epsilon);
                }

                next.CopyTo(nextState);
            }
        }

        var motor = nextState[..OutputSize];
        if (_outputW.Length > 0) TensorPrimitives.Multiply(motor, _outputW, output);
        else motor.CopyTo(output);
        if (_outputB.Length > 0) TensorPrimitives.Add(output, _outputB, output);
    }

    private static (float[] W, float[] B) Mapping(WeightReader weights, string which, LtcMapping mapping, int size) => mapping switch
    {
        LtcMapping.Affine => (weights.Take($"rnn_cell.{which}_w", ParameterInit.Constant(1f), size), weights.Take($"rnn_cell.{which}_b", ParameterInit.Constant(0f), size)),
        LtcMapping.Linear => (weights.Take($"rnn_cell.{which}_w", ParameterInit.Constant(1f), size), []),
        _ => ([], []),
    };

    private static float[] Softplus(float[] values) => values.Select(Softplus).ToArray();

    private static float[] Polarities(sbyte[,] matrix) => matrix.Cast<sbyte>().Select(v => (float)v).ToArray();

    private static float[] Magnitudes(sbyte[,] matrix) => matrix.Cast<sbyte>().Select(v => (float)Math.Abs(v)).ToArray();
}
