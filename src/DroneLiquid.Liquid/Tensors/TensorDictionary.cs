namespace DroneLiquid.Liquid.Tensors;

/// <summary>
/// An ordered set of named parameter tensors: the C# image of an ncps <c>state_dict</c>.
/// Lookups fail with one sentence that names the key and the expected versus actual shape.
/// </summary>
public sealed class TensorDictionary
{
    private readonly List<NamedTensor> _ordered = [];
    private readonly Dictionary<string, NamedTensor> _byName = new(StringComparer.Ordinal);

    public TensorDictionary()
    {
    }

    public TensorDictionary(IEnumerable<NamedTensor> tensors)
    {
        foreach (var tensor in tensors)
        {
            Add(tensor);
        }
    }

    /// <summary>Tensors in insertion (state_dict) order.</summary>
    public IReadOnlyList<NamedTensor> Tensors => _ordered;

    public int Count => _ordered.Count;

    /// <summary>Total number of float values over every tensor.</summary>
    public long ValueCount => _ordered.Sum(t => (long)t.Data.Length);

    public void Add(NamedTensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (!_byName.TryAdd(tensor.Name, tensor))
        {
            throw new InvalidDataException($"tensor '{tensor.Name}' appears twice");
        }

        _ordered.Add(tensor);
    }

    public bool Contains(string name) => _byName.ContainsKey(name);

    public bool TryGet(string name, out NamedTensor tensor) => _byName.TryGetValue(name, out tensor!);

    /// <summary>Returns the tensor <paramref name="name"/>, checking that its shape is exactly <paramref name="expectedShape"/>.</summary>
    /// <exception cref="InvalidDataException">The tensor is missing or has another shape.</exception>
    public NamedTensor Get(string name, params ReadOnlySpan<int> expectedShape)
    {
        if (!_byName.TryGetValue(name, out var tensor))
        {
            throw new InvalidDataException($"tensor '{name}' is missing (expected shape {NamedTensor.FormatShape(expectedShape)})");
        }

        if (!tensor.Shape.AsSpan().SequenceEqual(expectedShape))
        {
            throw new InvalidDataException(
                $"tensor '{name}' has shape {NamedTensor.FormatShape(tensor.Shape)}, expected {NamedTensor.FormatShape(expectedShape)}");
        }

        return tensor;
    }

    /// <summary>Returns the tensor <paramref name="name"/> whatever its shape, or throws naming the key.</summary>
    public NamedTensor Get(string name) =>
        _byName.TryGetValue(name, out var tensor) ? tensor : throw new InvalidDataException($"tensor '{name}' is missing");
}
