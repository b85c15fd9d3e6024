using DroneLiquid.Liquid.Wirings;

namespace DroneLiquid.Benchmarks.Liquid;

/// <summary>
/// Benchmark-local NCP construction from explicit matrices (the real generators live elsewhere): the layer
/// sizes and fan-outs ncps derives for AutoNCP(units, outputs, sparsity 0.5), synapses drawn from a seed.
/// </summary>
internal static class BenchWirings
{
    /// <summary>AutoNCP(19, 4) on 32 inputs: 9 inter, 6 command, 4 motor; sensory fan-out 4, inter fan-out 3, 6 recurrent command synapses, motor fan-in 3.</summary>
    public static Wiring AutoNcp19With32Inputs(int seed = 22222)
    {
        const int motor = 4, command = 6, inter = 9, inputs = 32, units = motor + command + inter;
        const int sensoryFanout = 4, interFanout = 3, recurrentCommand = 6, motorFanin = 3;
        var random = new Random(seed);
        int[] motorIds = Enumerable.Range(0, motor).ToArray();
        int[] commandIds = Enumerable.Range(motor, command).ToArray();
        int[] interIds = Enumerable.Range(motor + command, inter).ToArray();
        var adjacency = new sbyte[units, units];
        var sensory = new sbyte[inputs, units];
        sbyte Polarity() => random.Next(3) == 0 ? (sbyte)-1 : (sbyte)1;

        for (int i = 0; i < inputs; i++)
        {
            foreach (int dest in random.GetItems(interIds, inter).Distinct().Take(sensoryFanout)) sensory[i, dest] = Polarity();
        }

        foreach (int src in interIds)
        {
            foreach (int dest in random.GetItems(commandIds, command).Distinct().Take(interFanout)) adjacency[src, dest] = Polarity();
        }

        for (int s = 0; s < recurrentCommand; s++) adjacency[commandIds[random.Next(command)], commandIds[random.Next(command)]] = Polarity();

        foreach (int dest in motorIds)
        {
            foreach (int src in random.GetItems(commandIds, command).Distinct().Take(motorFanin)) adjacency[src, dest] = Polarity();
        }

        return new Wiring(
            "NCP",
            adjacency,
            sensory,
            motor,
            [new WiringLayer("inter", interIds), new WiringLayer("command", commandIds), new WiringLayer("motor", motorIds)],
            Enumerable.Repeat("motor", motor).Concat(Enumerable.Repeat("command", command)).Concat(Enumerable.Repeat("inter", inter)).ToArray());
    }

    /// <summary>Every neuron to every neuron and from every input, one layer.</summary>
    public static Wiring FullyConnected(int units, int inputs, int seed = 1111)
    {
        var random = new Random(seed);
        var adjacency = new sbyte[units, units];
        var sensory = new sbyte[inputs, units];
        for (int i = 0; i < units; i++)
        for (int j = 0; j < units; j++) adjacency[i, j] = random.Next(3) == 0 ? (sbyte)-1 : (sbyte)1;
        for (int i = 0; i < inputs; i++)
        for (int j = 0; j < units; j++) sensory[i, j] = random.Next(3) == 0 ? (sbyte)-1 : (sbyte)1;
        return new Wiring("FullyConnected", adjacency, sensory, units, [new WiringLayer("all", Enumerable.Range(0, units).ToArray())]);
    }
}
