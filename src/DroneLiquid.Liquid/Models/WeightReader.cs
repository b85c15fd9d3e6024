using DroneLiquid.Liquid.Tensors;

namespace DroneLiquid.Liquid.Models;

/// <summary>
/// Hands the cells their parameters by ncps <c>state_dict</c> key while recording which keys a model uses.
/// Reading from a <see cref="TensorDictionary"/> validates name, shape, finiteness and mask agreement with the
/// wiring; the generating mode invents values instead (for <see cref="RandomWeights"/>), so the list of keys
/// a model expects lives in one place: the code that builds the model.
/// </summary>
internal sealed class WeightReader
{
    private readonly TensorDictionary? _source;
    private readonly Random? _random;
    private readonly TensorDictionary _taken = new();
    private readonly List<ParameterInfo> _layout = [];

    private WeightReader(TensorDictionary? source, Random? random)
    {
        _source = source;
        _random = random;
    }

    /// <summary>Every parameter taken so far, in the order the model reads them.</summary>
    public IReadOnlyList<ParameterInfo> Layout => _layout;

    /// <summary>The tensors taken so far (the generated ones in generating mode).</summary>
    public TensorDictionary Taken => _taken;

    public static WeightReader FromTensors(TensorDictionary weights) => new(weights ?? throw new ArgumentNullException(nameof(weights)), null);

    public static WeightReader Generating(int seed) => new(null, new Random(seed));

    /// <summary>A trainable parameter, row-major.</summary>
    public float[] Take(string name, ParameterInit init, params int[] shape)
    {
        float[] data = _source is null ? Generate(init, shape) : Read(name, shape);
        Record(name, shape, true, data);
        return data;
    }

    /// <summary>A trainable parameter whose ncps initial value is fixed (erev: the wiring polarities).</summary>
    public float[] Take(string name, float[] initialValues, params int[] shape)
    {
        float[] data = _source is null ? (float[])initialValues.Clone() : Read(name, shape);
        Record(name, shape, true, data);
        return data;
    }

    /// <summary>A sparsity mask; its values must be exactly <paramref name="expected"/> (|polarity| from the wiring).</summary>
    public float[] TakeMask(string name, float[] expected, params int[] shape)
    {
        float[] data = _source is null ? (float[])expected.Clone() : Read(name, shape);
        for (int i = 0; i < data.Length; i++)
        {
            if (data[i] != expected[i])
            {
                throw new InvalidDataException(
                    $"tensor '{name}' element {FormatIndex(i, shape)} is {data[i]}, but the wiring gives {expected[i]}: the mask and the wiring's adjacency matrices disagree");
            }
        }

        Record(name, shape, false, data);
        return data;
    }

    /// <summary>Fails naming every tensor of the source that no part of the model read.</summary>
    public void EnsureNoExtras(string modelDescription)
    {
        if (_source is null)
        {
            return;
        }

        var extras = _source.Tensors.Where(t => !_taken.Contains(t.Name)).Select(t => $"'{t.Name}'").ToArray();
        if (extras.Length > 0)
        {
            throw new InvalidDataException(
                $"unexpected tensor{(extras.Length > 1 ? "s" : "")} {string.Join(", ", extras)}: {modelDescription} has no such parameter");
        }
    }

    private float[] Read(string name, int[] shape)
    {
        var tensor = _source!.Get(name, shape);
        int bad = Array.FindIndex(tensor.Data, v => !float.IsFinite(v));
        if (bad >= 0)
        {
            throw new InvalidDataException($"tensor '{name}' element {FormatIndex(bad, shape)} is {tensor.Data[bad]}, expected a finite value");
        }

        return tensor.Data;
    }

    private float[] Generate(ParameterInit init, int[] shape)
    {
        int count = shape.Aggregate(1, (p, d) => p * d);
        var data = new float[count];
        float low = init.Low, high = init.High;
        if (init.Kind == ParameterInitKind.Xavier)
        {
            int fanOut = shape[0];
            int fanIn = shape.Length > 1 ? shape[1] : 1;
            high = MathF.Sqrt(6f / (fanIn + fanOut));
            low = -high;
        }

        for (int i = 0; i < count; i++)
        {
            data[i] = low + (high - low) * _random!.NextSingle();
        }

        return data;
    }

    private void Record(string name, int[] shape, bool trainable, float[] data)
    {
        _taken.Add(new NamedTensor(name, shape, data));
        _layout.Add(new ParameterInfo(name, shape, trainable));
    }

    private static string FormatIndex(int flat, int[] shape)
    {
        var index = new int[shape.Length];
        for (int d = shape.Length - 1; d >= 0; d--)
        {
            index[d] = flat % shape[d];
            flat /= shape[d];
        }

        return NamedTensor.FormatShape(index);
    }
}
