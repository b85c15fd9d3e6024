namespace DroneLiquid.Liquid.Wirings;

/// <summary>
/// The sizes and fanouts of a Neural Circuit Policy (ncps <c>NCP(...)</c> arguments).
/// Neuron ids are motor 0.., then command, then inter; the layers run inter, command, motor.
/// </summary>
/// <param name="InterNeurons">Inter neurons (the layer fed by the inputs).</param>
/// <param name="CommandNeurons">Command neurons (the recurrent layer).</param>
/// <param name="MotorNeurons">Motor neurons, one per output.</param>
/// <param name="SensoryFanout">Synapses from every input to distinct inter neurons.</param>
/// <param name="InterFanout">Synapses from every inter neuron to distinct command neurons.</param>
/// <param name="RecurrentCommandSynapses">Random command-to-command draws (repeats collapse, so at most this many synapses).</param>
/// <param name="MotorFanin">Synapses into every motor neuron from distinct command neurons.</param>
public sealed record NcpParameters(
    int InterNeurons,
    int CommandNeurons,
    int MotorNeurons,
    int SensoryFanout,
    int InterFanout,
    int RecurrentCommandSynapses,
    int MotorFanin)
{
    /// <summary>Total neurons: the hidden-state width.</summary>
    public int Units => InterNeurons + CommandNeurons + MotorNeurons;

    /// <summary>
    /// What ncps <c>AutoNCP(units, output_size, sparsity_level)</c> derives:
    /// command = max(int(0.4 (units - outputs)), 1), inter = the rest, and every fanout
    /// max(int(layer size * density), 1) with density = 1 - sparsity (recurrent synapses twice that).
    /// </summary>
    /// <exception cref="ArgumentException">outputs not below units - 2, or sparsity outside [0.1, 1.0] (ncps's checks).</exception>
    public static NcpParameters FromAutoNcp(int units, int outputSize, double sparsityLevel = 0.5)
    {
        if (outputSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(outputSize), $"AutoNCP output size must be at least 1, got {outputSize}");
        }

        if (outputSize >= units - 2)
        {
            throw new ArgumentException($"AutoNCP output size must be less than units - 2 (given {units} units, {outputSize} outputs)", nameof(outputSize));
        }

        if (!(sparsityLevel >= 0.1 && sparsityLevel <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(sparsityLevel), $"AutoNCP sparsity level must be between 0.1 and 1.0, got {sparsityLevel}");
        }

        double density = 1.0 - sparsityLevel;
        int interAndCommand = units - outputSize;
        int command = Math.Max((int)(0.4 * interAndCommand), 1);
        int inter = interAndCommand - command;
        return new NcpParameters(
            InterNeurons: inter,
            CommandNeurons: command,
            MotorNeurons: outputSize,
            SensoryFanout: Math.Max((int)(inter * density), 1),
            InterFanout: Math.Max((int)(command * density), 1),
            RecurrentCommandSynapses: Math.Max((int)(command * density * 2), 1),
            MotorFanin: Math.Max((int)(command * density), 1));
    }

    /// <summary>Checks every count and fanout, each failure one sentence with both numbers.</summary>
    /// <exception cref="ArgumentException">A count is below 1 or a fanout exceeds the layer it reaches.</exception>
    public void Validate()
    {
        RequirePositive(InterNeurons, "inter neurons");
        RequirePositive(CommandNeurons, "command neurons");
        RequirePositive(MotorNeurons, "motor neurons");
        RequireFan(SensoryFanout, "sensory fanout", InterNeurons, "inter");
        RequireFan(InterFanout, "inter fanout", CommandNeurons, "command");
        RequireFan(MotorFanin, "motor fanin", CommandNeurons, "command");
        if (RecurrentCommandSynapses < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(RecurrentCommandSynapses), $"NCP recurrent command synapses must be 0 or more, got {RecurrentCommandSynapses}");
        }
    }

    private static void RequirePositive(int value, string what)
    {
        if (value < 1)
        {
            throw new ArgumentOutOfRangeException(what, $"NCP {what} must be at least 1, got {value}");
        }
    }

    private static void RequireFan(int fan, string what, int layerSize, string layer)
    {
        if (fan < 1)
        {
            throw new ArgumentOutOfRangeException(what, $"NCP {what} must be at least 1, got {fan}");
        }

        if (fan > layerSize)
        {
            throw new ArgumentOutOfRangeException(what, $"NCP {what} is {fan} but there are only {layerSize} {layer} neurons");
        }
    }
}
