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

    private void ConnectSensoryToInter()
    {
        var unreached = new HashSet<int>(_inter);
        foreach (int source in _inputs)
        {
            foreach (int dest in _random.Sample(_inter, _p.SensoryFanout))
            {
                unreached.Remove(dest);
                _sensory[source, dest] = _random.EvenPolarity();
            }
        }

        int meanFanIn = Math.Clamp(_inputs.Length * _p.SensoryFanout / _p.InterNeurons, 1, _inputs.Length);
        foreach (int dest in _inter.Where(unreached.Contains))
        {
            foreach (int source in _random.Sample(_inputs, meanFanIn))
            {
                _sensory[source, dest] = _random.EvenPolarity();
            }
        }
    }

    private void ConnectInterToCommand()
    {
        var unreached = new HashSet<int>(_command);
        foreach (int source in _inter)
        {
            foreach (int dest in _random.Sample(_command, _p.InterFanout))
            {
                unreached.Remove(dest);
                _adjacency[source, dest] = _random.EvenPolarity();
            }
        }

        // ncps bounds this by the command count; it never exceeds the inter count either.
        int meanFanIn = Math.Clamp(_p.InterNeurons * _p.InterFanout / _p.CommandNeurons, 1, Math.Min(_p.CommandNeurons, _p.InterNeurons));
        foreach (int dest in _command.Where(unreached.Contains))
        {
            foreach (int source in _random.Sample(_inter, meanFanIn))
            {
                _adjacency[source, dest] = _random.EvenPolarity();
            }
        }
    }

    private void ConnectRecurrentCommand()
    {
        for (int i = 0; i < _p.RecurrentCommandSynapses; i++)
        {
            int source = _random.Choice(_command);
            int dest = _random.Choice(_command);
            _adjacency[source, dest] = _random.EvenPolarity();
        }
    }

    private void ConnectCommandToMotor()
    {
        var unreached = new HashSet<int>(_command);
        foreach (int dest in _motor)
        {
            foreach (int source in _random.Sample(_command, _p.MotorFanin))
            {
                unreached.Remove(source);
                _adjacency[source, dest] = _random.EvenPolarity();
            }
        }

        int meanFanOut = Math.Clamp(_p.MotorNeurons * _p.MotorFanin / _p.CommandNeurons, 1, _p.MotorNeurons);
        foreach (int source in _command.Where(unreached.Contains))
        {
            foreach (int dest in _random.Sample(_motor, meanFanOut))
            {
                _adjacency[source, dest] = _random.EvenPolarity();
            }
        }
    }
}
