using DroneLiquid.Perception.Export;

namespace DroneLiquid.Perception.Vision;

/// <summary>
/// A five-convolution perception trunk shaped like the one of the drone-navigation CfC paper (24, 36 and 48
/// channels 5x5 stride 2, 64 channels 3x3, 16 channels 3x3 stride 2, ReLU after each, then a dense layer
/// to the feature vector), written as an ONNX graph with seeded He-uniform weights. For tests, benchmarks
/// and untrained simulation runs; a trained trunk comes from the training pipeline as perception.onnx.
/// </summary>
public static class ConvTrunk
{
    private static readonly (int Channels, int Kernel, int Stride)[] Layers = [(24, 5, 2), (36, 5, 2), (48, 5, 2), (64, 3, 1), (16, 3, 2)];

    /// <summary>The trunk's ONNX input and output for an RGB image of the given size.</summary>
    public static PerceptionSpec SpecFor(int width, int height, int features) => new(3, height, width, features);

    /// <summary>Serializes the trunk: input image [1, 3, height, width] float NCHW, output features [1, features].</summary>
    public static byte[] Create(PerceptionSpec spec, int seed)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Height < 16 || spec.Width < 16 || spec.FeatureCount < 1)
        {
            throw new ArgumentException($"the trunk needs an image of at least 16x16 and >= 1 feature, got {spec.Width}x{spec.Height} and {spec.FeatureCount}", nameof(spec));
        }

        var random = new Random(seed);
        var g = new OnnxGraphBuilder("conv_trunk");
        g.Input(spec.InputName, 1, spec.Channels, spec.Height, spec.Width);
        string value = spec.InputName;
        int channels = spec.Channels, height = spec.Height, width = spec.Width;
        foreach (var (outChannels, kernel, stride) in Layers)
        {
            int pad = kernel / 2;
            int fanIn = channels * kernel * kernel;
            var w = HeUniform(random, outChannels * fanIn, fanIn);
            string weights = g.Constant("conv_w", w, outChannels, channels, kernel, kernel);
            string bias = g.Constant("conv_b", new float[outChannels], outChannels);
            value = g.Node(
                "Conv",
                [value, weights, bias],
                OnnxGraphBuilder.IntsAttribute("kernel_shape", kernel, kernel),
                OnnxGraphBuilder.IntsAttribute("strides", stride, stride),
                OnnxGraphBuilder.IntsAttribute("pads", pad, pad, pad, pad));
            value = g.Unary("Relu", value);
            channels = outChannels;
            height = (height + 2 * pad - kernel) / stride + 1;
            width = (width + 2 * pad - kernel) / stride + 1;
        }

        string flat = g.Node("Flatten", [value], OnnxGraphBuilder.IntAttribute("axis", 1));
        int flatWidth = channels * height * width;
        string dense = g.Linear(flat, "dense", HeUniform(random, spec.FeatureCount * flatWidth, flatWidth), spec.FeatureCount, flatWidth, new float[spec.FeatureCount]);
        g.NodeTo("Tanh", [dense], [spec.OutputName]);
        g.Output(spec.OutputName, 1, spec.FeatureCount);
        return g.ToBytes("DroneLiquid", $"five-convolution trunk {spec.Width}x{spec.Height} -> {spec.FeatureCount} features, seed {seed}");
    }

    private static float[] HeUniform(Random random, int count, int fanIn)
    {
        float limit = MathF.Sqrt(6f / fanIn);
        var values = new float[count];
        for (int i = 0; i < count; i++) values[i] = (2f * random.NextSingle() - 1f) * limit;
        return values;
    }

}
