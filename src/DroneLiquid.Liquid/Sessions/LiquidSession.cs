using System.Runtime.CompilerServices;
using DroneLiquid.Liquid.Models;

namespace DroneLiquid.Liquid.Sessions;

/// <summary>
/// The running state of one <see cref="LiquidModel"/> (one per vehicle or per sequence): the hidden state h,
/// the LSTM cell state c with mixed memory, and every scratch buffer, all allocated here once.
/// <see cref="Step"/> and <see cref="TryStep"/> allocate nothing. Not thread-safe: one session per thread;
/// the model itself is shared freely.
/// </summary>
/// <remarks>
/// A step computes into private buffers and commits the new state only when input, elapsed time and the
/// result are all finite, so a rejected step never corrupts the state.
/// </remarks>
public sealed class LiquidSession
{
    private readonly float[] _h;
    private readonly float[] _c;
    private readonly float[] _nextH;
    private readonly float[] _nextC;
    private readonly float[] _output;
    private readonly float[] _scratch;

    internal LiquidSession(LiquidModel model)
    {
        Model = model;
        int cellStateSize = model.HasCellState ? model.StateSize : 0;
        _h = new float[model.StateSize];
        _nextH = new float[model.StateSize];
        _c = new float[cellStateSize];
        _nextC = new float[cellStateSize];
        _output = new float[model.OutputSize];
        _scratch = new float[model.ScratchLength];
    }

    public LiquidModel Model { get; }

    /// <summary>The hidden state h, in the model's state layout (wired CfC: layers concatenated).</summary>
    public ReadOnlySpan<float> State => _h;

    /// <summary>The LSTM cell state c (mixed memory), or empty.</summary>
    public ReadOnlySpan<float> CellState => _c;

    /// <summary>Advances one step.</summary>
    /// <param name="input">[InputSize] finite values.</param>
    /// <param name="elapsedSeconds">Time since the previous step (ncps's timespan, 1.0 when a dataset has none); finite, &gt;= 0.
    /// For an LTC, 0 leaves the liquid state unchanged (the dt -&gt; 0 limit of its ODE; see <see cref="Cells.LtcCell"/>).</param>
    /// <param name="output">[OutputSize], written only when the step succeeds.</param>
    /// <exception cref="ArgumentException">Wrong input or output width (expected vs actual), or a non-finite input (its index).</exception>
    /// <exception cref="ArgumentOutOfRangeException">Negative, NaN or infinite elapsed time.</exception>
    /// <exception cref="ArithmeticException">The step produced a non-finite value; the state is unchanged.</exception>
    public void Step(ReadOnlySpan<float> input, float elapsedSeconds, Span<float> output)
    {
        var status = TryStep(input, elapsedSeconds, output);
        if (status != StepStatus.Ok)
        {
            ThrowFor(status, input, elapsedSeconds, output.Length);
        }
    }

    /// <summary><see cref="Step"/> without exceptions, for the flight tick: on anything but Ok, state and output are untouched.</summary>
    public StepStatus TryStep(ReadOnlySpan<float> input, float elapsedSeconds, Span<float> output)
    {
        if (input.Length != Model.InputSize)
        {
            return StepStatus.InputWidthMismatch;
        }

        if (output.Length != Model.OutputSize)
        {
            return StepStatus.OutputWidthMismatch;
        }

        if (!(elapsedSeconds >= 0f) || float.IsPositiveInfinity(elapsedSeconds))
        {
            return StepStatus.InvalidElapsedTime;
        }

        if (IndexOfNonFinite(input) >= 0)
        {
            return StepStatus.NonFiniteInput;
        }

        Model.StepCore(input, _h, _c, elapsedSeconds, _nextH, _nextC, _output, _scratch);
        if (IndexOfNonFinite(_nextH) >= 0 || IndexOfNonFinite(_nextC) >= 0 || IndexOfNonFinite(_output) >= 0)
        {
            return StepStatus.NonFiniteResult;
        }

        _nextH.CopyTo(_h);
        _nextC.CopyTo(_c);
        _output.CopyTo(output);
        return StepStatus.Ok;
    }

    /// <summary>Back to the zero state (ncps's default initial state).</summary>
    public void Reset()
    {
        Array.Clear(_h);
        Array.Clear(_c);
    }

    /// <summary>Sets h (and c with mixed memory; leave <paramref name="cellState"/> empty otherwise, or to zero c).</summary>
    public void SetState(ReadOnlySpan<float> state, ReadOnlySpan<float> cellState = default)
    {
        if (state.Length != _h.Length)
        {
            throw new ArgumentException($"state has {state.Length} values, the model's state size is {_h.Length}", nameof(state));
        }

        if (!cellState.IsEmpty && cellState.Length != _c.Length)
        {
            throw new ArgumentException(
                _c.Length == 0 ? "the model has no mixed memory, so no cell state can be set" : $"cell state has {cellState.Length} values, expected {_c.Length}",
                nameof(cellState));
        }

        CheckFinite(state, nameof(state));
        CheckFinite(cellState, nameof(cellState));
        state.CopyTo(_h);
        if (cellState.IsEmpty) Array.Clear(_c);
        else cellState.CopyTo(_c);
    }

    /// <summary>
    /// Runs a whole sequence from the current state, one elapsed time per step (null: 1.0 s each, as ncps),
    /// recording outputs and states. Allocates its result; for evaluation, not for the flight tick.
    /// </summary>
    public SequenceResult RunSequence(IReadOnlyList<float[]> inputs, IReadOnlyList<float>? elapsedSeconds = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (elapsedSeconds is not null && elapsedSeconds.Count != inputs.Count)
        {
            throw new ArgumentException($"{elapsedSeconds.Count} elapsed times for {inputs.Count} steps", nameof(elapsedSeconds));
        }

        var outputs = new float[inputs.Count][];
        var states = new float[inputs.Count][];
        var cellStates = Model.HasCellState ? new float[inputs.Count][] : null;
        for (int t = 0; t < inputs.Count; t++)
        {
            outputs[t] = new float[Model.OutputSize];
            Step(inputs[t], elapsedSeconds?[t] ?? 1f, outputs[t]);
            states[t] = _h.ToArray();
            if (cellStates is not null) cellStates[t] = _c.ToArray();
        }

        return new SequenceResult(outputs, states, cellStates);
    }

    private static int IndexOfNonFinite(ReadOnlySpan<float> values) => FiniteCheck.IndexOfNonFinite(values);

    private static void CheckFinite(ReadOnlySpan<float> values, string name)
    {
        int bad = IndexOfNonFinite(values);
        if (bad >= 0)
        {
            throw new ArgumentException($"{name}[{bad}] is {values[bad]}, expected a finite value", name);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowFor(StepStatus status, ReadOnlySpan<float> input, float elapsedSeconds, int outputLength)
    {
        throw status switch
        {
            StepStatus.InputWidthMismatch => new ArgumentException($"input has {input.Length} values, the model expects {Model.InputSize}", nameof(input)),
            StepStatus.OutputWidthMismatch => new ArgumentException($"output has room for {outputLength} values, the model produces {Model.OutputSize}", "output"),
            StepStatus.InvalidElapsedTime => new ArgumentOutOfRangeException(nameof(elapsedSeconds), elapsedSeconds, "elapsed time must be finite and >= 0 seconds"),
            StepStatus.NonFiniteInput => new ArgumentException(
                $"input[{IndexOfNonFinite(input)}] is {input[IndexOfNonFinite(input)]}, expected a finite value; the state was left unchanged", nameof(input)),
            _ => new ArithmeticException(DescribeNonFiniteResult(elapsedSeconds)),
        };
    }

    private string DescribeNonFiniteResult(float elapsedSeconds)
    {
        (string name, int index) = IndexOfNonFinite(_nextH) is int h and >= 0 ? ("state", h)
            : IndexOfNonFinite(_nextC) is int c and >= 0 ? ("cell state", c)
            : ("output", IndexOfNonFinite(_output));
        return $"the step (elapsed {elapsedSeconds} s) produced a non-finite {name}[{index}]; it was discarded and the state left unchanged";
    }
}
