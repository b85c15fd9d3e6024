namespace DroneLiquid.Liquid.Wirings;

/// <summary>One layer of a wiring, in the order the wired CfC runs it (NCP: inter, command, motor).</summary>
/// <param name="Name">"inter", "command", "motor", or "all" for a single-layer wiring.</param>
/// <param name="NeuronIds">The neuron ids of the layer, ascending.</param>
public sealed record WiringLayer(string Name, IReadOnlyList<int> NeuronIds);
