using DroneLiquid.Training.Export;
using static TorchSharp.torch;

namespace DroneLiquid.Training.Data;

/// <summary>
/// Cuts episodes into truncated-BPTT windows and stacks them into batches. Each window runs from zero state
/// (the state is reset per window, as at take-off); windows overlap by half, so every step after an episode's
/// first half-window is trained with at least half a window of history. A window past an episode's end is
/// padded and its padded steps are masked out of the loss. With precomputed trunk features (a frozen trunk),
/// each step's inputs are its features followed by its normalised observations, and no image is batched. With step
/// weights, the mask carries each valid step's weight instead of 1, so the masked loss is a weighted mean.
/// </summary>
public sealed class WindowBatcher
{
    private readonly float[][] _observations;
    private readonly float[][] _targets;
    private readonly TrainingEpisode[] _episodes;
    private readonly int _observationCount;
    private readonly int _actionCount;
    private readonly int _imageLength;
    private readonly IReadOnlyList<float[]>? _stepWeights;

    /// <param name="features">Per episode [steps * featureCount] trunk features to put before the observations, or null.</param>
    /// <param name="stepWeights">Per episode [steps] loss weights (<see cref="StepWeights"/>), or null for 1 everywhere.</param>
    public WindowBatcher(IEnumerable<TrainingEpisode> episodes, ColumnStats observationStats, ActionScaling scaling, int observationCount, int actionCount, int window, int imageLength, IReadOnlyList<float[]>? features = null, int featureCount = 0,
        IReadOnlyList<float[]>? stepWeights = null)
    {
        _stepWeights = stepWeights;
        _episodes = episodes.ToArray();
        _observationCount = observationCount + (features is null ? 0 : featureCount);
        _actionCount = actionCount;
        _imageLength = features is null ? imageLength : 0;
        Window = window;
        _observations = _episodes.Select(e => Normalise(e.Observations, observationCount, observationStats.Mean, observationStats.Std)).ToArray();
        if (features is not null)
        {
            _observations = _observations.Select((o, e) => Prepend(features[e], featureCount, o, observationCount)).ToArray();
        }

        _targets = _episodes.Select(e => Normalise(e.Actions, actionCount, scaling.Offset, scaling.Scale)).ToArray();
        var windows = new List<(int Episode, int Start)>();
        int stride = Math.Max(1, window / 2);
        for (int e = 0; e < _episodes.Length; e++)
        {
            int steps = _episodes[e].Steps;
            for (int start = 0; ; start += stride)
            {
                if (start + window >= steps)
                {
                    windows.Add((e, Math.Max(0, steps - window)));
                    break;
                }

                windows.Add((e, start));
            }
        }

        Windows = windows;
    }

    public int Window { get; }

    public IReadOnlyList<(int Episode, int Start)> Windows { get; }

    /// <summary>Window indices in a seeded random order (the same seed gives the same order on every machine).</summary>
    public int[] Shuffled(int seed)
    {
        var order = Enumerable.Range(0, Windows.Count).ToArray();
        new Random(seed).Shuffle(order);
        return order;
    }

    /// <summary>Stacks the given windows: observations [B, W, n], elapsed [B, W], targets [B, W, a], mask [B, W], images [B, W, 3, H, W] or null.</summary>
    public (Tensor Observations, Tensor Elapsed, Tensor Targets, Tensor Mask, Tensor? Images) Batch(ReadOnlySpan<int> windowIndices, int imageHeight, int imageWidth)
    {
        int b = windowIndices.Length, w = Window;
        var obs = new float[b * w * _observationCount];
        var elapsed = new float[b * w];
        var targets = new float[b * w * _actionCount];
        var mask = new float[b * w];
        var images = _imageLength > 0 ? new float[(long)b * w * _imageLength] : null;
        for (int i = 0; i < b; i++)
        {
            var (e, start) = Windows[windowIndices[i]];
            var episode = _episodes[e];
            int count = Math.Min(w, episode.Steps - start);
            Array.Copy(_observations[e], start * _observationCount, obs, i * w * _observationCount, count * _observationCount);
            Array.Copy(_targets[e], start * _actionCount, targets, i * w * _actionCount, count * _actionCount);
            Array.Copy(episode.ElapsedSeconds, start, elapsed, i * w, count);
            if (_stepWeights is null)
            {
                mask.AsSpan(i * w, count).Fill(1f);
            }
            else
            {
                _stepWeights[e].AsSpan(start, count).CopyTo(mask.AsSpan(i * w, count));
            }

            if (images is not null)
            {
                ToUnit(episode.Images!.AsSpan(start * _imageLength, count * _imageLength), images.AsSpan(i * w * _imageLength, count * _imageLength));
            }
        }

        return (
            tensor(obs, [b, w, _observationCount]),
            tensor(elapsed, [b, w]),
            tensor(targets, [b, w, _actionCount]),
            tensor(mask, [b, w]),
            images is null ? null : tensor(images, [b, w, 3, imageHeight, imageWidth]));
    }

    /// <summary>8-bit pixels to the trunk's input, value / 255 (as the flight-side frame converter does).</summary>
    public static void ToUnit(ReadOnlySpan<byte> pixels, Span<float> values)
    {
        for (int k = 0; k < pixels.Length; k++)
        {
            values[k] = pixels[k] * (1f / 255f);
        }
    }

    private static float[] Prepend(float[] features, int featureCount, float[] observations, int observationCount)
    {
        int steps = observations.Length / observationCount, width = featureCount + observationCount;
        var result = new float[steps * width];
        for (int t = 0; t < steps; t++)
        {
            features.AsSpan(t * featureCount, featureCount).CopyTo(result.AsSpan(t * width));
            observations.AsSpan(t * observationCount, observationCount).CopyTo(result.AsSpan(t * width + featureCount));
        }

        return result;
    }

    private static float[] Normalise(float[] values, int columns, double[] offset, double[] scale)
    {
        var result = new float[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            int c = i % columns;
            result[i] = (float)((values[i] - offset[c]) / scale[c]);
        }

        return result;
    }
}
