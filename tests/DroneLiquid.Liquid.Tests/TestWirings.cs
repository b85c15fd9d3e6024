using DroneLiquid.Liquid.Wirings;

namespace DroneLiquid.Liquid.Tests;

/// <summary>Small wirings written out as explicit matrices (the generators are not part of these tests).</summary>
internal static class TestWirings
{
    /// <summary>
    /// A 7-neuron, 3-input NCP-shaped wiring: motor 0-1, command 2-3, inter 4-6; inputs feed inter,
    /// inter feeds command, command feeds motor and itself; polarities mixed.
    /// </summary>
    public static Wiring SmallNcp()
    {
        var adjacency = new sbyte[7, 7];
        adjacency[4, 2] = 1; adjacency[5, 2] = -1; adjacency[5, 3] = 1; adjacency[6, 3] = -1;
        adjacency[2, 0] = 1; adjacency[3, 0] = -1; adjacency[3, 1] = 1;
        adjacency[2, 3] = 1; adjacency[3, 2] = -1;
        var sensory = new sbyte[3, 7];
        sensory[0, 4] = 1; sensory[0, 5] = -1; sensory[1, 5] = 1; sensory[2, 6] = 1; sensory[2, 4] = -1;
        return new Wiring(
            "NCP",
            adjacency,
            sensory,
            outputDim: 2,
            [new WiringLayer("inter", [4, 5, 6]), new WiringLayer("command", [2, 3]), new WiringLayer("motor", [0, 1])],
            ["motor", "motor", "command", "command", "inter", "inter", "inter"]);
    }

    /// <summary>Every neuron connected to every neuron and input, one layer (ncps FullyConnected with polarities from a seed).</summary>
    public static Wiring FullyConnected(int units, int inputs, int seed)
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
