namespace DroneLiquid.Liquid.Wirings;

/// <summary>
/// Builds the synapses of an NCP in ncps's order and with ncps's choices, drawing from
/// <see cref="WiringRandom"/>: sensory -> inter (fanout per input), inter -> command (fanout per inter
/// neuron), recurrent command synapses, command -> motor (fanin per motor neuron). A neuron that no
/// draw reached gets synapses from (or, for command neurons without a motor target, to) about the
/// mean number of partners, at least one, so every neuron sits on a path from the inputs to the outputs.
/// Polarities are +1 or -1 with equal odds.
/// </summary>
internal sealed class NcpBuilder
{
    private readonly NcpParameters _p;
    private readonly WiringRandom _random;
    private readonly sbyte[,] _adjacency;
    private readonly sbyte[,] _sensory;
    private readonly int[] _motor;
    private readonly int[] _command;
    private readonly int[] _inter;
    private readonly int[] _inputs;

    public NcpBuilder(NcpParameters parameters, int inputDim, long seed)
    {
        _p = parameters;
        _random = new WiringRandom(seed);
        _adjacency = new sbyte[parameters.Units, parameters.Units];
        _sensory = new sbyte[inputDim, parameters.Units];
        _motor = Enumerable.Range(0, parameters.MotorNeurons).ToArray();
        _command = Enumerable.Range(parameters.MotorNeurons, parameters.CommandNeurons).ToArray();
        _inter = Enumerable.Range(parameters.MotorNeurons + parameters.CommandNeurons, parameters.InterNeurons).ToArray();
        _inputs = Enumerable.Range(0, inputDim).ToArray();
    }

    public Wiring Build(string type)
    {
        ConnectSensoryToInter();
        ConnectInterToCommand();
        ConnectRecurrentCommand();
        ConnectCommandToMotor();

        var layers = new[] { new WiringLayer("inter", _inter), new WiringLayer("command", _command), new WiringLayer("motor", _motor) };
        var types = new string[_p.Units];
        foreach (int id in _motor) types[id] = "motor";
        foreach (int id in _command) types[id] = "command";
        foreach (int id in _inter) types[id] = "inter";
        return new Wiring(type, _adjacency, _sensory, _p.MotorNeurons, layers, types);
    }

    private void ConnectSensoryToInter() =>
        ConnectEnsuringReach(_inputs, _inter, _p.SensoryFanout, Math.Clamp(_inputs.Length * _p.SensoryFanout / _p.InterNeurons, 1, _inputs.Length), (input, inter, polarity) => _sensory[input, inter] = polarity);

    // ncps bounds the rescue fan-in by the command count; it never exceeds the inter count either.
    private void ConnectInterToCommand() =>
        ConnectEnsuringReach(_inter, _command, _p.InterFanout, Math.Clamp(_p.InterNeurons * _p.InterFanout / _p.CommandNeurons, 1, Math.Min(_p.CommandNeurons, _p.InterNeurons)), (inter, command, polarity) => _adjacency[inter, command] = polarity);

    private void ConnectRecurrentCommand()
    {
        for (int i = 0; i < _p.RecurrentCommandSynapses; i++)
        {
            int source = _random.Choice(_command);
            int dest = _random.Choice(_command);
            _adjacency[source, dest] = _random.EvenPolarity();
        }
    }

    private void ConnectCommandToMotor() =>
        ConnectEnsuringReach(_motor, _command, _p.MotorFanin, Math.Clamp(_p.MotorNeurons * _p.MotorFanin / _p.CommandNeurons, 1, _p.MotorNeurons), (motor, command, polarity) => _adjacency[command, motor] = polarity);

    /// <summary>
    /// For every anchor, draws <paramref name="fan"/> distinct partners from <paramref name="pool"/> and
    /// connects them; then every pool neuron no draw picked is connected to <paramref name="rescueCount"/>
    /// anchors drawn at random. The caller's <paramref name="connect"/> knows the synapse's direction.
    /// </summary>
    private void ConnectEnsuringReach(int[] anchors, int[] pool, int fan, int rescueCount, Action<int, int, sbyte> connect)
    {
        var unreached = new HashSet<int>(pool);
        foreach (int anchor in anchors)
        {
            foreach (int partner in _random.Sample(pool, fan))
            {
                unreached.Remove(partner);
                connect(anchor, partner, _random.EvenPolarity());
            }
        }

        foreach (int partner in pool.Where(unreached.Contains))
        {
            foreach (int anchor in _random.Sample(anchors, rescueCount))
            {
                connect(anchor, partner, _random.EvenPolarity());
            }
        }
    }
}
