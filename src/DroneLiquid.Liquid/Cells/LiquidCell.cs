namespace DroneLiquid.Liquid.Cells;

/// <summary>
/// One step of a liquid network: from an input, the previous state and the elapsed time to the next state
/// and the cell's output. A cell holds immutable, pre-laid-out weights and knows nothing of sequences; the
/// caller owns every buffer, so a step allocates nothing and one cell can serve many threads.
/// </summary>
public abstract class LiquidCell
{
    protected LiquidCell(int inputSize, int stateSize, int outputSize)
    {
        InputSize = inputSize;
        StateSize = stateSize;
        OutputSize = outputSize;
    }

    public int InputSize { get; }

    /// <summary>Width of the hidden state.</summary>
    public int StateSize { get; }

    /// <summary>Width of the cell's output (before any <c>fc</c> projection of the sequence model).</summary>
    public int OutputSize { get; }

    /// <summary>Number of floats of scratch space <see cref="Step"/> needs.</summary>
    public abstract int ScratchLength { get; }

    /// <summary>Advances one step.</summary>
    /// <param name="input">[InputSize].</param>
    /// <param name="state">[StateSize], read only; must not overlap <paramref name="nextState"/>.</param>
    /// <param name="elapsedSeconds">Time since the previous step, finite and &gt;= 0 (ncps's timespan).</param>
    /// <param name="nextState">[StateSize], receives the new state.</param>
    /// <param name="output">[OutputSize], receives the output.</param>
    /// <param name="scratch">At least <see cref="ScratchLength"/> floats, overwritten.</param>
    public void Step(ReadOnlySpan<float> input, ReadOnlySpan<float> state, float elapsedSeconds, Span<float> nextState, Span<float> output, Span<float> scratch)
    {
        if (input.Length != InputSize || state.Length != StateSize || nextState.Length != StateSize || output.Length != OutputSize || scratch.Length < ScratchLength)
        {
            throw new ArgumentException(
                $"{GetType().Name}.Step expects input {InputSize}, state {StateSize}, next state {StateSize}, output {OutputSize} and scratch >= {ScratchLength} values, " +
                $"got {input.Length}, {state.Length}, {nextState.Length}, {output.Length} and {scratch.Length}");
        }

        StepCore(input, state, elapsedSeconds, nextState, output, scratch);
    }

    /// <summary><see cref="Step"/> after its size checks.</summary>
    internal abstract void StepCore(ReadOnlySpan<float> input, ReadOnlySpan<float> state, float elapsedSeconds, Span<float> nextState, Span<float> output, Span<float> scratch);
}
