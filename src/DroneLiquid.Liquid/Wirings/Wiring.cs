using System.Text;

namespace DroneLiquid.Liquid.Wirings;

/// <summary>
/// The topology of a liquid network and nothing else: which neuron feeds which, with what polarity,
/// and in which layers the neurons run. No arithmetic lives here (ncps keeps it the same way).
/// </summary>
/// <remarks>
/// Conventions follow ncps: <c>Adjacency[src, dest]</c> and <c>SensoryAdjacency[input, dest]</c> hold
/// +1 (excitatory), -1 (inhibitory) or 0; the output (motor) neurons are ids 0 .. OutputDim-1.
/// Generators (FullyConnected, Random, NCP, AutoNCP) build one of these; a model trained in Python
/// carries its matrices and is loaded with the constructor directly.
/// </remarks>
public sealed class Wiring
{
    private readonly sbyte[,] _adjacency;
    private readonly sbyte[,] _sensoryAdjacency;

    /// <param name="type">The generator's name ("FullyConnected", "Random", "NCP", "AutoNCP") or "Custom".</param>
    /// <param name="adjacency">[units, units] polarities, copied.</param>
    /// <param name="sensoryAdjacency">[inputDim, units] polarities, copied.</param>
    /// <param name="outputDim">Number of output (motor) neurons, ids 0 .. outputDim-1.</param>
    /// <param name="layers">Layers in run order; together they hold every neuron id exactly once.</param>
    /// <param name="neuronTypes">Per neuron id, "motor", "command", "inter" (NCP), or null for unlayered wirings.</param>
    public Wiring(string type, sbyte[,] adjacency, sbyte[,] sensoryAdjacency, int outputDim, IReadOnlyList<WiringLayer> layers, IReadOnlyList<string>? neuronTypes = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentNullException.ThrowIfNull(adjacency);
        ArgumentNullException.ThrowIfNull(sensoryAdjacency);
        ArgumentNullException.ThrowIfNull(layers);

        int units = adjacency.GetLength(0);
        if (units < 1 || adjacency.GetLength(1) != units)
        {
            throw new ArgumentException($"adjacency matrix must be square [units, units] with units >= 1, got [{adjacency.GetLength(0)}, {adjacency.GetLength(1)}]", nameof(adjacency));
        }

        if (sensoryAdjacency.GetLength(1) != units || sensoryAdjacency.GetLength(0) < 1)
        {
            throw new ArgumentException($"sensory adjacency matrix must be [inputs, {units}] with inputs >= 1, got [{sensoryAdjacency.GetLength(0)}, {sensoryAdjacency.GetLength(1)}]", nameof(sensoryAdjacency));
        }

        if (outputDim < 1 || outputDim > units)
        {
            throw new ArgumentOutOfRangeException(nameof(outputDim), $"output dimension must be between 1 and units ({units}), got {outputDim}");
        }

        CheckPolarities(adjacency, "adjacency");
        CheckPolarities(sensoryAdjacency, "sensory adjacency");
        CheckLayers(layers, units);
        if (neuronTypes is not null && neuronTypes.Count != units)
        {
            throw new ArgumentException($"neuron types must name all {units} neurons, got {neuronTypes.Count}", nameof(neuronTypes));
        }

        Type = type;
        _adjacency = (sbyte[,])adjacency.Clone();
        _sensoryAdjacency = (sbyte[,])sensoryAdjacency.Clone();
        Units = units;
        InputDim = sensoryAdjacency.GetLength(0);
        OutputDim = outputDim;
        Layers = layers.Select(l => l with { NeuronIds = l.NeuronIds.ToArray() }).ToArray();
        NeuronTypes = neuronTypes?.ToArray();
        StateLayout = Layers.SelectMany(l => l.NeuronIds).ToArray();
        SynapseCount = CountNonZero(_adjacency);
        SensorySynapseCount = CountNonZero(_sensoryAdjacency);
    }

    public string Type { get; }

    /// <summary>Number of neurons (the hidden-state width).</summary>
    public int Units { get; }

    public int InputDim { get; }

    public int OutputDim { get; }

    public IReadOnlyList<WiringLayer> Layers { get; }

    public IReadOnlyList<string>? NeuronTypes { get; }

    /// <summary>Neuron id at each hidden-state position of a wired CfC: the layers concatenated in run order.</summary>
    public IReadOnlyList<int> StateLayout { get; }

    /// <summary>Number of neuron-to-neuron synapses (non-zero adjacency entries).</summary>
    public int SynapseCount { get; }

    /// <summary>Number of input-to-neuron synapses (non-zero sensory adjacency entries).</summary>
    public int SensorySynapseCount { get; }

    /// <summary>Polarity of the synapse from neuron <paramref name="source"/> to neuron <paramref name="destination"/>.</summary>
    public sbyte Synapse(int source, int destination) => _adjacency[source, destination];

    /// <summary>Polarity of the synapse from input <paramref name="input"/> to neuron <paramref name="destination"/>.</summary>
    public sbyte SensorySynapse(int input, int destination) => _sensoryAdjacency[input, destination];

    /// <summary>A copy of the [units, units] adjacency matrix.</summary>
    public sbyte[,] AdjacencyMatrix() => (sbyte[,])_adjacency.Clone();

    /// <summary>A copy of the [inputs, units] sensory adjacency matrix.</summary>
    public sbyte[,] SensoryAdjacencyMatrix() => (sbyte[,])_sensoryAdjacency.Clone();

    /// <summary>Fan-in of a neuron: synapses arriving from other neurons and from inputs.</summary>
    public (int FromNeurons, int FromInputs) FanIn(int neuron)
    {
        int fromNeurons = 0, fromInputs = 0;
        for (int i = 0; i < Units; i++) fromNeurons += _adjacency[i, neuron] != 0 ? 1 : 0;
        for (int i = 0; i < InputDim; i++) fromInputs += _sensoryAdjacency[i, neuron] != 0 ? 1 : 0;
        return (fromNeurons, fromInputs);
    }

    /// <summary>Fan-out of a neuron: synapses leaving it toward other neurons.</summary>
    public int FanOut(int neuron)
    {
        int count = 0;
        for (int j = 0; j < Units; j++) count += _adjacency[neuron, j] != 0 ? 1 : 0;
        return count;
    }

    /// <summary>A readable summary: sizes, synapse counts, and per layer its neuron ids with mean fan-in and fan-out.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append($"{Type} wiring: {Units} neurons, {InputDim} inputs, {OutputDim} outputs, ");
        text.AppendLine($"{SynapseCount} synapses + {SensorySynapseCount} sensory synapses");
        foreach (var layer in Layers)
        {
            double fanIn = layer.NeuronIds.Average(n => { var f = FanIn(n); return f.FromNeurons + f.FromInputs; });
            double fanOut = layer.NeuronIds.Average(FanOut);
            text.AppendLine($"  {layer.Name,-8} {layer.NeuronIds.Count,3} neurons  ids {FormatIds(layer.NeuronIds)}  mean fan-in {fanIn:0.##}  mean fan-out {fanOut:0.##}");
        }

        return text.ToString();
    }

    private static string FormatIds(IReadOnlyList<int> ids)
    {
        bool contiguous = ids.Count > 2 && ids[^1] - ids[0] == ids.Count - 1;
        return contiguous ? $"{ids[0]}..{ids[^1]}" : string.Join(",", ids);
    }

    private static int CountNonZero(sbyte[,] matrix)
    {
        int count = 0;
        foreach (sbyte v in matrix) count += v != 0 ? 1 : 0;
        return count;
    }

    private static void CheckPolarities(sbyte[,] matrix, string what)
    {
        for (int i = 0; i < matrix.GetLength(0); i++)
        for (int j = 0; j < matrix.GetLength(1); j++)
        {
            if (matrix[i, j] is < -1 or > 1)
            {
                throw new ArgumentException($"{what} matrix entry [{i}, {j}] is {matrix[i, j]}; synapse polarities are -1, 0 or +1");
            }
        }
    }

    private static void CheckLayers(IReadOnlyList<WiringLayer> layers, int units)
    {
        if (layers.Count == 0)
        {
            throw new ArgumentException("a wiring needs at least one layer", nameof(layers));
        }

        var seen = new bool[units];
        foreach (var layer in layers)
        {
            if (layer.NeuronIds.Count == 0)
            {
                throw new ArgumentException($"layer '{layer.Name}' has no neurons", nameof(layers));
            }

            foreach (int id in layer.NeuronIds)
            {
                if ((uint)id >= (uint)units || seen[id])
                {
                    throw new ArgumentException($"layer '{layer.Name}': neuron id {id} is out of range 0..{units - 1} or appears twice", nameof(layers));
                }

                seen[id] = true;
            }
        }

        int missing = Array.IndexOf(seen, false);
        if (missing >= 0)
        {
            throw new ArgumentException($"neuron {missing} is in no layer", nameof(layers));
        }
    }
}
