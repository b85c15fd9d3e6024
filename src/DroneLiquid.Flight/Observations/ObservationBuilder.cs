using DroneLiquid.Liquid.Policies;

namespace DroneLiquid.Flight.Observations;

/// <summary>
/// Turns a <see cref="FlightSnapshot"/> into the normalised input vector a policy takes, in policy.json's
/// order: <c>(raw - Mean) / Std</c>. Names are resolved once at construction; <see cref="Build"/> allocates
/// nothing.
/// </summary>
public sealed class ObservationBuilder
{
    private readonly ObservationFeature[] _features;
    private readonly float[] _mean;
    private readonly float[] _inverseStd;
    private readonly float[] _min;
    private readonly float[] _max;

    /// <exception cref="ArgumentException">An observation names no known feature, or its Std is not a positive finite number.</exception>
    public ObservationBuilder(IReadOnlyList<ObservationInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        Inputs = inputs;
        _features = new ObservationFeature[inputs.Count];
        _mean = new float[inputs.Count];
        _inverseStd = new float[inputs.Count];
        _min = new float[inputs.Count];
        _max = new float[inputs.Count];
        for (int i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            if (!ObservationCatalog.TryFind(input.Name, out _features[i]))
            {
                throw new ArgumentException(
                    $"observations[{i}] '{input.Name}' is not an observation this flight code can compute; known: {string.Join(", ", ObservationCatalog.Names)}");
            }

            if (!double.IsFinite(input.Std) || input.Std <= 0)
            {
                throw new ArgumentException($"observations[{i}] '{input.Name}' has std {input.Std}; it must be a positive finite number");
            }

            _mean[i] = (float)input.Mean;
            _inverseStd[i] = (float)(1.0 / input.Std);
            _min[i] = input.Min is double min ? (float)min : float.NegativeInfinity;
            _max[i] = input.Max is double max ? (float)max : float.PositiveInfinity;
        }
    }

    /// <summary>The observations, in the order the network takes them.</summary>
    public IReadOnlyList<ObservationInput> Inputs { get; }

    /// <summary>Floats <see cref="Build"/> writes.</summary>
    public int Count => _features.Length;

    /// <summary>The feature behind input <paramref name="index"/>.</summary>
    public ObservationFeature FeatureAt(int index) => _features[index];

    /// <summary>
    /// Writes the raw values into <paramref name="raw"/> (for the recorder) and the normalised ones into
    /// <paramref name="normalised"/>; both must hold <see cref="Count"/> floats.
    /// </summary>
    /// <param name="badIndex">The first input that is not finite or out of range, or -1.</param>
    public ObservationStatus Build(in FlightSnapshot snapshot, Span<float> raw, Span<float> normalised, out int badIndex)
    {
        if (raw.Length < _features.Length || normalised.Length < _features.Length)
        {
            throw new ArgumentException($"the buffers hold {raw.Length} and {normalised.Length} floats; {_features.Length} are needed");
        }

        for (int i = 0; i < _features.Length; i++)
        {
            raw[i] = ObservationCatalog.Compute(_features[i], snapshot);
        }

        Normalise(raw, normalised);
        return Check(raw, out badIndex);
    }

    /// <summary>
    /// Writes <c>(raw - Mean) / Std</c> for each input into <paramref name="normalised"/>: the arithmetic
    /// <see cref="Build"/> uses, so replaying recorded raw values gives the network the very same floats.
    /// </summary>
    public void Normalise(ReadOnlySpan<float> raw, Span<float> normalised)
    {
        if (raw.Length < _features.Length || normalised.Length < _features.Length)
        {
            throw new ArgumentException($"the buffers hold {raw.Length} and {normalised.Length} floats; {_features.Length} are needed");
        }

        for (int i = 0; i < _features.Length; i++)
        {
            normalised[i] = (raw[i] - _mean[i]) * _inverseStd[i];
        }
    }

    /// <summary>Whether the raw values may be stepped: all finite and within each input's Min/Max.</summary>
    /// <param name="badIndex">The first input that is not finite or out of range, or -1.</param>
    public ObservationStatus Check(ReadOnlySpan<float> raw, out int badIndex)
    {
        for (int i = 0; i < _features.Length; i++)
        {
            float value = raw[i];
            if (!float.IsFinite(value))
            {
                badIndex = i;
                return ObservationStatus.NonFinite;
            }

            if (value < _min[i] || value > _max[i])
            {
                badIndex = i;
                return ObservationStatus.OutOfRange;
            }
        }

        badIndex = -1;
        return ObservationStatus.Ok;
    }
}
