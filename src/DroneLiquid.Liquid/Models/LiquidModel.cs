using DroneLiquid.Liquid.Cells;
using DroneLiquid.Liquid.Sessions;
using DroneLiquid.Liquid.Tensors;

namespace DroneLiquid.Liquid.Models;

/// <summary>
/// A loaded liquid model: the architecture plus weights laid out for the step. Immutable and safe to share
/// across threads; the state lives in a <see cref="LiquidSession"/> (one per vehicle or sequence).
/// </summary>
/// <remarks>
/// It computes what the ncps sequence models compute per step: the optional mixed-memory LSTM, then the
/// liquid cell (<see cref="CfcCell"/>, <see cref="WiredCfcCell"/> or <see cref="LtcCell"/>), then the
/// optional <c>fc</c> projection of the output (CfC only). Weight names are the ncps <c>state_dict</c> keys.
/// </remarks>
public sealed class LiquidModel
{
    private LiquidModel(LiquidModelSpec spec, LiquidCell cell, LstmMemoryCell? memory, PackedMatrix? projection, IReadOnlyList<ParameterInfo> parameters)
    {
        Spec = spec;
        Cell = cell;
        Memory = memory;
        Projection = projection;
        Parameters = parameters;
        TrainableParameterCount = parameters.Where(p => p.Trainable).Sum(p => (long)p.ValueCount);
        MaskValueCount = parameters.Where(p => !p.Trainable).Sum(p => (long)p.ValueCount);
        int projectionScratch = projection is null ? 0 : cell.OutputSize + projection.PaddedRows;
        MemoryScratchOffset = (memory is null ? 0 : cell.StateSize) + projectionScratch;
        ScratchLength = MemoryScratchOffset + Math.Max(cell.ScratchLength, memory?.ScratchLength ?? 0);
    }

    public LiquidModelSpec Spec { get; }

    /// <summary>The liquid cell that advances the state.</summary>
    public LiquidCell Cell { get; }

    /// <summary>The mixed-memory LSTM, or null without mixed memory.</summary>
    public LstmMemoryCell? Memory { get; }

    public int InputSize => Spec.InputSize;

    public int StateSize => Spec.StateSize;

    public int OutputSize => Spec.OutputSize;

    /// <summary>True with mixed memory: the state has an LSTM cell state c beside h.</summary>
    public bool HasCellState => Memory is not null;

    /// <summary>Every parameter the model reads, by ncps state_dict key, in reading order.</summary>
    public IReadOnlyList<ParameterInfo> Parameters { get; }

    /// <summary>Number of trainable values (everything but the sparsity masks).</summary>
    public long TrainableParameterCount { get; }

    /// <summary>Number of sparsity-mask values (fixed by the wiring, not trainable).</summary>
    public long MaskValueCount { get; }

    internal PackedMatrix? Projection { get; }

    internal int ScratchLength { get; }

    internal int MemoryScratchOffset { get; }

    /// <summary>
    /// Builds a model from its architecture and its weights. Every tensor is checked: exactly the ncps
    /// state_dict keys this architecture has, each of the right shape, finite, masks equal to the wiring's;
    /// an extra tensor is an error too.
    /// </summary>
    /// <exception cref="ArgumentException">The spec is inconsistent (names the field, expected and actual).</exception>
    /// <exception cref="InvalidDataException">A tensor is missing, extra, misshapen or non-finite (names the key).</exception>
    public static LiquidModel Create(LiquidModelSpec spec, TensorDictionary weights)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(weights);
        var reader = WeightReader.FromTensors(weights);
        var model = Build(spec, reader);
        reader.EnsureNoExtras(Describe(spec));
        return model;
    }

    /// <summary>A new session with zero state that owns all its buffers.</summary>
    public LiquidSession CreateSession() => new(this);

    /// <summary>
    /// Runs several independent sequences (a batch for evaluation), each in its own session with its own
    /// elapsed times: row b's times never touch row c (ncps's batch broadcasting of timespans is not copied).
    /// </summary>
    /// <param name="sequences">[batch][time][InputSize].</param>
    /// <param name="elapsedSeconds">[batch][time], or null for 1.0 s per step.</param>
    /// <param name="initialStates">[batch][StateSize], or null for zeros.</param>
    /// <param name="initialCellStates">[batch][StateSize] LSTM cell states (mixed memory), or null for zeros.</param>
    public SequenceResult[] RunBatch(
        IReadOnlyList<float[][]> sequences,
        IReadOnlyList<float[]>? elapsedSeconds = null,
        IReadOnlyList<float[]>? initialStates = null,
        IReadOnlyList<float[]>? initialCellStates = null)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        foreach (var (name, count) in new[] { ("elapsedSeconds", elapsedSeconds?.Count), ("initialStates", initialStates?.Count), ("initialCellStates", initialCellStates?.Count) })
        {
            if (count is int n && n != sequences.Count)
            {
                throw new ArgumentException($"{name} has {n} rows for a batch of {sequences.Count}", name);
            }
        }

        var results = new SequenceResult[sequences.Count];
        for (int b = 0; b < sequences.Count; b++)
        {
            var session = CreateSession();
            if (initialStates is not null || initialCellStates is not null)
            {
                session.SetState(initialStates?[b] ?? new float[StateSize], initialCellStates?[b] ?? default);
            }

            results[b] = session.RunSequence(sequences[b], elapsedSeconds?[b]);
        }

        return results;
    }

    /// <summary>A one-line description of the architecture.</summary>
    public static string Describe(LiquidModelSpec spec) => spec switch
    {
        CfcSpec c => $"a CfC (mode {c.Mode}, {c.Units} units, " +
            (c.BackboneLayers == 0 ? "no backbone" : $"backbone {c.BackboneUnits}x{c.BackboneLayers} {c.Activation}{(c.BackboneDropout > 0 ? $" dropout {c.BackboneDropout}" : "")}") +
            $"{(c.ProjSize is int p ? $", proj {p}" : "")}{(c.MixedMemory ? ", mixed memory" : "")})",
        WiredCfcSpec w => $"a wired CfC (mode {w.Mode}, {w.Wiring.Type} wiring, {w.Wiring.Units} neurons in {w.Wiring.Layers.Count} layers" +
            $"{(w.ProjSize is int p ? $", proj {p}" : "")}{(w.MixedMemory ? ", mixed memory" : "")})",
        LtcSpec l => $"an LTC ({l.Wiring.Type} wiring, {l.Wiring.Units} neurons, {l.OdeUnfolds} unfolds, input {l.InputMapping}, output {l.OutputMapping}, " +
            $"constraints {(l.ImplicitParamConstraints ? "on" : "off")}{(l.MixedMemory ? ", mixed memory" : "")})",
        _ => spec.GetType().Name,
    };

    internal static LiquidModel Build(LiquidModelSpec spec, WeightReader reader)
    {
        SpecValidation.Check(spec);
        LiquidCell cell = spec switch
        {
            CfcSpec c => new CfcCell(reader, "rnn_cell.", c.InputSize, c.Units, c.Mode, c.Activation, c.BackboneUnits, c.BackboneLayers, c.BackboneDropout, null),
            WiredCfcSpec w => new WiredCfcCell(reader, w.Wiring, w.Mode),
            LtcSpec l => new LtcCell(reader, l),
            _ => throw new ArgumentException($"unknown model spec type {spec.GetType().Name}", nameof(spec)),
        };
        var memory = spec.MixedMemory ? new LstmMemoryCell(reader, spec.InputSize, spec.StateSize) : null;
        int? projSize = spec switch { CfcSpec c => c.ProjSize, WiredCfcSpec w => w.ProjSize, _ => null };
        PackedMatrix? projection = null;
        if (projSize is int proj)
        {
            var w = reader.Take("fc.weight", ParameterInit.Xavier, proj, cell.OutputSize);
            var b = reader.Take("fc.bias", ParameterInit.Bias, proj);
            projection = PackedMatrix.Create(w, proj, cell.OutputSize, b);
        }

        return new LiquidModel(spec, cell, memory, projection, reader.Layout.ToArray());
    }

    /// <summary>
    /// One step of the sequence model into caller buffers; validation and the commit of the new state are the
    /// session's job. <paramref name="c"/>/<paramref name="nextC"/> are empty without mixed memory.
    /// </summary>
    internal void StepCore(ReadOnlySpan<float> x, ReadOnlySpan<float> h, ReadOnlySpan<float> c, float dt, Span<float> nextH, Span<float> nextC, Span<float> output, Span<float> scratch)
    {
        var work = scratch[MemoryScratchOffset..];
        ReadOnlySpan<float> cellState = h;
        if (Memory is not null)
        {
            var lstmH = scratch[..StateSize];
            Memory.Step(x, h, c, lstmH, nextC, work);
            cellState = lstmH;
        }

        if (Projection is null)
        {
            Cell.StepCore(x, cellState, dt, nextH, output, work);
            return;
        }

        int at = Memory is null ? 0 : StateSize;
        var cellOutput = scratch.Slice(at, Cell.OutputSize);
        var projected = scratch.Slice(at + Cell.OutputSize, Projection.PaddedRows);
        Cell.StepCore(x, cellState, dt, nextH, cellOutput, work);
        Projection.Multiply(cellOutput, projected);
        projected[..OutputSize].CopyTo(output);
    }
}
