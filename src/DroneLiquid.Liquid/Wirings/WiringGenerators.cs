namespace DroneLiquid.Liquid.Wirings;

/// <summary>
/// The wiring generators of ncps (FullyConnected, Random, NCP, AutoNCP), built from a seed with our own
/// deterministic <see cref="WiringRandom"/>: the same arguments give the same matrices on every machine.
/// </summary>
/// <remarks>
/// ncps fixes the input dimension when the model is built (<c>wiring.build(input_dim)</c>); here it is
/// the first argument of every generator. The seeds default to ncps's defaults, but the streams are ours,
/// so the matrices differ from the ones numpy draws: a model trained in Python carries its matrices and
/// is loaded through <see cref="Wiring"/>'s constructor instead.
/// </remarks>
public static class WiringGenerators
{
    /// <summary>ncps's default seed for FullyConnected (<c>erev_init_seed</c>) and Random (<c>random_seed</c>).</summary>
    public const int DefaultDenseSeed = 1111;

    /// <summary>ncps's default seed for NCP and AutoNCP.</summary>
    public const int DefaultNcpSeed = 22222;

    /// <summary>
    /// Every neuron connected to every neuron (optionally not to itself) and every input to every neuron,
    /// polarity +1 with odds 2/3 and -1 with odds 1/3, as ncps draws them. One layer "all".
    /// </summary>
    /// <param name="outputDim">Output neurons, ids 0 .. outputDim-1; null means all <paramref name="units"/>.</param>
    public static Wiring FullyConnected(int inputDim, int units, int? outputDim = null, bool selfConnections = true, int seed = DefaultDenseSeed)
    {
        int outputs = CheckDenseSizes(inputDim, units, outputDim);
        var random = new WiringRandom(seed);
        var adjacency = new sbyte[units, units];
        for (int src = 0; src < units; src++)
        for (int dest = 0; dest < units; dest++)
        {
            if (src != dest || selfConnections)
            {
                adjacency[src, dest] = random.MostlyExcitatoryPolarity();
            }
        }

        var sensory = new sbyte[inputDim, units];
        for (int src = 0; src < inputDim; src++)
        for (int dest = 0; dest < units; dest++)
        {
            sensory[src, dest] = random.MostlyExcitatoryPolarity();
        }

        return SingleLayer("FullyConnected", adjacency, sensory, outputs);
    }

    /// <summary>
    /// round(units² (1 - sparsity)) distinct neuron-to-neuron synapses and round(inputs · units (1 - sparsity))
    /// distinct sensory synapses, chosen uniformly, polarity +1 with odds 2/3. One layer "all".
    /// </summary>
    /// <param name="sparsityLevel">Fraction of absent synapses, in [0, 1).</param>
    /// <remarks>ncps draws each sensory polarity twice and keeps the second draw; one draw has the same odds.</remarks>
    public static Wiring Random(int inputDim, int units, int? outputDim = null, double sparsityLevel = 0.0, int seed = DefaultDenseSeed)
    {
        int outputs = CheckDenseSizes(inputDim, units, outputDim);
        if (!(sparsityLevel >= 0.0 && sparsityLevel < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(sparsityLevel), $"Random wiring sparsity level must be in [0, 1), got {sparsityLevel}");
        }

        var random = new WiringRandom(seed);
        var adjacency = new sbyte[units, units];
        FillRandom(random, adjacency, sparsityLevel);
        var sensory = new sbyte[inputDim, units];
        FillRandom(random, sensory, sparsityLevel);
        return SingleLayer("Random", adjacency, sensory, outputs);
    }

    /// <summary>A Neural Circuit Policy with explicit sizes and fanouts (ncps <c>NCP(...)</c>).</summary>
    /// <exception cref="ArgumentException">A count or fanout is out of range; the message gives both numbers.</exception>
    public static Wiring Ncp(int inputDim, NcpParameters parameters, int seed = DefaultNcpSeed)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        CheckInputDim(inputDim);
        parameters.Validate();
        return new NcpBuilder(parameters, inputDim, seed).Build("NCP");
    }

    /// <summary>A Neural Circuit Policy sized from the neuron and output counts (ncps <c>AutoNCP(...)</c>).</summary>
    /// <remarks>
    /// AutoNCP(19, 4) gives 9 inter, 6 command and 4 motor neurons with fanouts 4, 3, 6 recurrent, fanin 3.
    /// The sparsity level must lie in [0.1, 1.0], the range ncps checks (its message says 0.0 to 0.9).
    /// </remarks>
    public static Wiring AutoNcp(int inputDim, int units, int outputSize, double sparsityLevel = 0.5, int seed = DefaultNcpSeed)
    {
        CheckInputDim(inputDim);
        var parameters = NcpParameters.FromAutoNcp(units, outputSize, sparsityLevel);
        parameters.Validate();
        return new NcpBuilder(parameters, inputDim, seed).Build("AutoNCP");
    }

    private static void FillRandom(WiringRandom random, sbyte[,] matrix, double sparsityLevel)
    {
        int rows = matrix.GetLength(0), columns = matrix.GetLength(1);
        int count = (int)Math.Round(rows * columns * (1.0 - sparsityLevel), MidpointRounding.ToEven);
        int[] cells = Enumerable.Range(0, rows * columns).ToArray();
        foreach (int cell in random.Sample(cells, count))
        {
            matrix[cell / columns, cell % columns] = random.MostlyExcitatoryPolarity();
        }
    }

    private static Wiring SingleLayer(string type, sbyte[,] adjacency, sbyte[,] sensory, int outputs)
    {
        int units = adjacency.GetLength(0);
        var types = Enumerable.Range(0, units).Select(id => id < outputs ? "motor" : "inter").ToArray();
        return new Wiring(type, adjacency, sensory, outputs, [new WiringLayer("all", Enumerable.Range(0, units).ToArray())], types);
    }

    private static int CheckDenseSizes(int inputDim, int units, int? outputDim)
    {
        CheckInputDim(inputDim);
        if (units < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(units), $"units must be at least 1, got {units}");
        }

        int outputs = outputDim ?? units;
        if (outputs < 1 || outputs > units)
        {
            throw new ArgumentOutOfRangeException(nameof(outputDim), $"output dimension is {outputs} but must be between 1 and units ({units})");
        }

        return outputs;
    }

    private static void CheckInputDim(int inputDim)
    {
        if (inputDim < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(inputDim), $"input dimension must be at least 1, got {inputDim}");
        }
    }
}
