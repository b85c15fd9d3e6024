namespace DroneLiquid.Liquid.Tensors;

/// <summary>
/// One float32 parameter tensor by its ncps <c>state_dict</c> name (e.g. <c>rnn_cell.ff1.weight</c>),
/// row-major, with its shape. Torch <c>Linear</c> weights are [out_features, in_features].
/// </summary>
public sealed class NamedTensor
{
    public NamedTensor(string name, int[] shape, float[] data)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(data);
        long count = 1;
        foreach (int dim in shape)
        {
            if (dim < 0)
            {
                throw new ArgumentException($"tensor '{name}': dimension {dim} in shape {FormatShape(shape)} is negative", nameof(shape));
            }

            count *= dim;
        }

        if (count != data.Length)
        {
            throw new ArgumentException($"tensor '{name}': shape {FormatShape(shape)} holds {count} values, but {data.Length} were given", nameof(data));
        }

        Name = name;
        Shape = shape;
        Data = data;
    }

    /// <summary>The state_dict key, verbatim.</summary>
    public string Name { get; }

    public int[] Shape { get; }

    /// <summary>The values, row-major.</summary>
    public float[] Data { get; }

    public static string FormatShape(ReadOnlySpan<int> shape) => "[" + string.Join(", ", shape.ToArray()) + "]";

    public override string ToString() => $"{Name} {FormatShape(Shape)}";
}
