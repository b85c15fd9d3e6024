using DroneLiquid.Liquid.Models;
using DroneLiquid.Liquid.Tensors;

namespace DroneLiquid.Liquid.Reference;

/// <summary>
/// One ncps reference vector file (format_version 1, see the reference README): the architecture and weights
/// of a model, the inputs it was fed and what ncps computed. Each batch row is its own sequence with its own
/// elapsed times (ncps's batch broadcasting of timespans is not reproduced).
/// </summary>
public sealed class ReferenceCase
{
    internal ReferenceCase(
        string name,
        string kind,
        LiquidModelSpec spec,
        TensorDictionary weights,
        float[][][] inputs,
        float[][] elapsedSeconds,
        bool hasTimespans,
        float[][]? initialState,
        float[][]? initialCellState,
        float[][][] outputs,
        float[][][] perStepStates,
        float[][][]? perStepCellStates,
        float[][] finalState,
        float[][]? finalCellState)
    {
        Name = name;
        Kind = kind;
        Spec = spec;
        Weights = weights;
        Inputs = inputs;
        ElapsedSeconds = elapsedSeconds;
        HasTimespans = hasTimespans;
        InitialState = initialState;
        InitialCellState = initialCellState;
        Outputs = outputs;
        PerStepStates = perStepStates;
        PerStepCellStates = perStepCellStates;
        FinalState = finalState;
        FinalCellState = finalCellState;
    }

    public string Name { get; }

    /// <summary>"CfC", "WiredCfC" or "LTC".</summary>
    public string Kind { get; }

    public LiquidModelSpec Spec { get; }

    /// <summary>The state_dict, keys verbatim, masks included.</summary>
    public TensorDictionary Weights { get; }

    public int Batch => Inputs.Length;

    public int SequenceLength => Inputs[0].Length;

    /// <summary>[batch][time][features].</summary>
    public float[][][] Inputs { get; }

    /// <summary>[batch][time] seconds; 1.0 everywhere when the file has no timespans.</summary>
    public float[][] ElapsedSeconds { get; }

    public bool HasTimespans { get; }

    /// <summary>[batch][units], or null for the zero state.</summary>
    public float[][]? InitialState { get; }

    /// <summary>[batch][units] LSTM cell state, or null (zeros).</summary>
    public float[][]? InitialCellState { get; }

    /// <summary>[batch][time][output size].</summary>
    public float[][][] Outputs { get; }

    /// <summary>[batch][time][units] hidden state after every step, in the model's state layout.</summary>
    public float[][][] PerStepStates { get; }

    /// <summary>[batch][time][units] LSTM cell state after every step, or null.</summary>
    public float[][][]? PerStepCellStates { get; }

    /// <summary>[batch][units].</summary>
    public float[][] FinalState { get; }

    /// <summary>[batch][units], or null.</summary>
    public float[][]? FinalCellState { get; }

    /// <summary>Reads a reference vector file.</summary>
    /// <exception cref="InvalidDataException">Malformed: the message names the file and the key.</exception>
    public static ReferenceCase Load(string path)
    {
        using var stream = File.OpenRead(path);
        return ReferenceCaseParser.Parse(stream, Path.GetFileName(path));
    }
}
