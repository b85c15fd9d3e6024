using DroneLiquid.Liquid.Tensors;

namespace DroneLiquid.Liquid.Models;

/// <summary>One parameter a model reads: its ncps <c>state_dict</c> key, shape and whether training changes it.</summary>
/// <param name="Trainable">False for the sparsity masks, which the wiring fixes.</param>
public sealed record ParameterInfo(string Name, IReadOnlyList<int> Shape, bool Trainable)
{
    /// <summary>Number of float values.</summary>
    public int ValueCount => Shape.Aggregate(1, (product, dim) => product * dim);

    public override string ToString() => $"{Name} {NamedTensor.FormatShape(Shape.ToArray())}{(Trainable ? "" : " (mask)")}";
}
