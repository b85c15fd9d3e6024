namespace DroneLiquid.Liquid.Policies;

/// <summary>One entry an ncps <c>state_dict</c> holds for a model: its key, shape, and whether it is trained (sparsity masks are not).</summary>
public sealed record ParameterSpec(string Name, int[] Shape, bool Trainable)
{
    public long ValueCount => Shape.Aggregate(1L, (n, d) => n * d);
}
