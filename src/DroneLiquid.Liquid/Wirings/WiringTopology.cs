namespace DroneLiquid.Liquid.Wirings;

/// <summary>Structural comparison of wirings (a <see cref="Wiring"/> compares by reference).</summary>
public static class WiringTopology
{
    /// <summary>
    /// True when both wirings have the same type, sizes, polarity matrices, layers (names and ids in
    /// order) and neuron types.
    /// </summary>
    public static bool TopologyEquals(this Wiring a, Wiring b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Type != b.Type || a.Units != b.Units || a.InputDim != b.InputDim || a.OutputDim != b.OutputDim)
        {
            return false;
        }

        if (!MatrixEquals(a.AdjacencyMatrix(), b.AdjacencyMatrix()) || !MatrixEquals(a.SensoryAdjacencyMatrix(), b.SensoryAdjacencyMatrix()))
        {
            return false;
        }

        if (a.Layers.Count != b.Layers.Count
            || a.Layers.Zip(b.Layers).Any(p => p.First.Name != p.Second.Name || !p.First.NeuronIds.SequenceEqual(p.Second.NeuronIds)))
        {
            return false;
        }

        return (a.NeuronTypes, b.NeuronTypes) switch
        {
            (null, null) => true,
            ({ } x, { } y) => x.SequenceEqual(y),
            _ => false,
        };
    }

    private static bool MatrixEquals(sbyte[,] x, sbyte[,] y) =>
        x.GetLength(0) == y.GetLength(0) && x.GetLength(1) == y.GetLength(1) && x.Cast<sbyte>().SequenceEqual(y.Cast<sbyte>());
}
