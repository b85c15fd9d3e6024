using DroneLiquid.Training.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace DroneLiquid.Training.Modules;

/// <summary>
/// Where the trunk sees things near, as a few exact inputs: stage one's nearness readout (a linear map from the
/// features to the <see cref="NearnessTargets"/> grid) averaged over each of <see cref="Bands"/> vertical bands of the
/// view, left to right, and appended to the features. Being linear in the features it adds no information, but the
/// head sees it without the noise its features are trained under, so which side an obstacle is on does not drown in
/// it. Frozen: it is part of the perception graph, not of the head.
/// </summary>
public sealed class NearnessBands : nn.Module<Tensor, Tensor>
{
    private readonly Tensor _weight;
    private readonly Tensor _bias;
    private readonly float[] _weights;
    private readonly float[] _biases;

    /// <param name="readoutWeight">The nearness readout's weight, [<see cref="NearnessTargets.Cells"/>, features], row-major cells.</param>
    /// <param name="readoutBias">Its bias, [<see cref="NearnessTargets.Cells"/>].</param>
    public NearnessBands(float[] readoutWeight, float[] readoutBias, int features, int bands)
        : base("nearness_bands")
    {
        const int Cells = NearnessTargets.Cells, Columns = NearnessTargets.Columns;
        if (bands < 1 || Columns % bands != 0)
        {
            throw new ArgumentException($"bands is {bands}, expected a divisor of the nearness grid's {Columns} columns", nameof(bands));
        }

        if (readoutWeight.Length != Cells * features || readoutBias.Length != Cells)
        {
            throw new ArgumentException($"the nearness readout holds {readoutWeight.Length} weights and {readoutBias.Length} biases, expected {Cells * features} and {Cells}");
        }

        var weight = new float[bands * features];
        var bias = new float[bands];
        int perBand = Columns / bands;
        float share = 1f / (perBand * NearnessTargets.Rows);
        for (int cell = 0; cell < Cells; cell++)
        {
            int band = cell % Columns / perBand;
            bias[band] += readoutBias[cell] * share;
            for (int f = 0; f < features; f++)
            {
                weight[band * features + f] += readoutWeight[cell * features + f] * share;
            }
        }

        _weights = weight;
        _biases = bias;
        _weight = tensor(weight, [bands, features]);
        _bias = tensor(bias, [bands]);
        register_buffer("weight", _weight);
        register_buffer("bias", _bias);
        Features = features;
        Bands = bands;
    }

    /// <summary>Trunk features in.</summary>
    public int Features { get; }

    public int Bands { get; }

    /// <summary>Values out: the features, then one per band.</summary>
    public int Outputs => Features + Bands;

    /// <summary>[Bands, Features], each band's mean of the readout's rows.</summary>
    public Tensor Weight => _weight;

    public Tensor Bias => _bias;

    /// <param name="features">[..., Features].</param>
    /// <returns>[..., Outputs]: the features, then each band's predicted mean nearness.</returns>
    public override Tensor forward(Tensor features) => cat([features, nn.functional.linear(features, _weight, _bias)], -1);

    /// <summary>Cached per-episode features [steps * Features] with the bands appended, [steps * Outputs].</summary>
    /// <remarks>
    /// Summed here in a fixed order rather than by libtorch, whose vectorised sums round differently with the input's
    /// memory alignment: the head's inputs, and so a rerun's weights, must not depend on where an array happened to land.
    /// </remarks>
    public float[][] Append(IReadOnlyList<float[]> episodes)
    {
        var result = new float[episodes.Count][];
        for (int e = 0; e < episodes.Count; e++)
        {
            var input = episodes[e];
            int steps = input.Length / Features;
            var output = result[e] = new float[steps * Outputs];
            for (int t = 0; t < steps; t++)
            {
                var features = input.AsSpan(t * Features, Features);
                features.CopyTo(output.AsSpan(t * Outputs));
                for (int b = 0; b < Bands; b++)
                {
                    double sum = _biases[b];
                    var row = _weights.AsSpan(b * Features, Features);
                    for (int f = 0; f < Features; f++)
                    {
                        sum += (double)row[f] * features[f];
                    }

                    output[t * Outputs + Features + b] = (float)sum;
                }
            }
        }

        return result;
    }
}
