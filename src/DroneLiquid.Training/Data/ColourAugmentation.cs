using static TorchSharp.torch;

namespace DroneLiquid.Training.Data;

/// <summary>
/// Random colour changes per frame (see <c>TrunkPretrainConfig.Augment</c>): channel order, grey, brightness,
/// contrast and per-channel gain, clamped to [0, 1]. Draws come from the given <see cref="Random"/>, so a
/// seeded run is repeatable.
/// </summary>
public static class ColourAugmentation
{
    private static readonly int[][] Orders = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]];

    /// <param name="images">[..., 3, H, W] in [0, 1].</param>
    public static Tensor Apply(Tensor images, Random random)
    {
        var shape = images.shape;
        long n = images.numel() / (shape[^3] * shape[^2] * shape[^1]);
        var x = images.reshape(n, 3, shape[^2], shape[^1]);
        var order = new long[n * 3];
        var grey = new float[n];
        var brightness = new float[n];
        var contrast = new float[n];
        var gain = new float[n * 3];
        for (int i = 0; i < n; i++)
        {
            Orders[random.Next(Orders.Length)].Select(c => (long)c).ToArray().CopyTo(order, i * 3);
            grey[i] = random.NextDouble() < 0.3 ? 1f : 0f;
            brightness[i] = Uniform(random, 0.6, 1.4);
            contrast[i] = Uniform(random, 0.6, 1.4);
            for (int c = 0; c < 3; c++)
            {
                gain[i * 3 + c] = Uniform(random, 0.8, 1.2);
            }
        }

        x = x.gather(1, tensor(order, [n, 3, 1, 1]).expand(n, 3, shape[^2], shape[^1])) * tensor(gain, [n, 3, 1, 1]);
        var luminance = (x * tensor(new[] { 0.299f, 0.587f, 0.114f }, [1, 3, 1, 1])).sum(1, keepdim: true);
        var g = tensor(grey, [n, 1, 1, 1]);
        x = (x * (1f - g) + luminance * g) * tensor(brightness, [n, 1, 1, 1]);
        var mean = x.mean([1, 2, 3], keepdim: true);
        x = (x - mean) * tensor(contrast, [n, 1, 1, 1]) + mean;
        return x.clamp(0f, 1f).reshape(shape);
    }

    private static float Uniform(Random random, double low, double high) => (float)(low + (high - low) * random.NextDouble());
}
