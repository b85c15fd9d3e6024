using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DroneLiquid.Training.Modules;

/// <summary>
/// The perception trunk of <c>ConvTrunk</c> in TorchSharp: five convolutions (24, 36, 48 channels 5x5 stride 2;
/// 64 channels 3x3 stride 1; 16 channels 3x3 stride 2; "same" padding k/2; ReLU after each), flatten, a dense
/// layer to the features and tanh. <see cref="Layers"/> is the single source the ONNX writer also reads.
/// </summary>
public sealed class TorchConvTrunk : nn.Module<Tensor, Tensor>
{
    /// <summary>(out channels, kernel, stride) of each convolution, as in ConvTrunk.</summary>
    public static readonly (int Channels, int Kernel, int Stride)[] Layers = [(24, 5, 2), (36, 5, 2), (48, 5, 2), (64, 3, 1), (16, 3, 2)];

    private readonly Conv2d[] _convs;
    private readonly Linear _dense;

    public TorchConvTrunk(int width, int height, int features)
        : base("trunk")
    {
        if (width < 16 || height < 16 || features < 1)
        {
            throw new ArgumentException($"the trunk needs an image of at least 16x16 and >= 1 feature, got {width}x{height} and {features}");
        }

        Width = width;
        Height = height;
        Features = features;
        _convs = new Conv2d[Layers.Length];
        int channels = 3, h = height, w = width;
        for (int i = 0; i < Layers.Length; i++)
        {
            var (outChannels, kernel, stride) = Layers[i];
            int pad = kernel / 2;
            _convs[i] = nn.Conv2d(channels, outChannels, kernel, stride: stride, padding: pad);
            register_module($"conv{i}", _convs[i]);
            channels = outChannels;
            h = (h + 2 * pad - kernel) / stride + 1;
            w = (w + 2 * pad - kernel) / stride + 1;
        }

        FlatWidth = channels * h * w;
        _dense = nn.Linear(FlatWidth, features);
        register_module("dense", _dense);
    }

    public int Width { get; }

    public int Height { get; }

    public int Features { get; }

    /// <summary>Values into the dense layer (16 x the last feature map).</summary>
    public int FlatWidth { get; }

    /// <summary>The convolutions in order (for export).</summary>
    public IReadOnlyList<Conv2d> Convolutions => _convs;

    public Linear Dense => _dense;

    /// <param name="input">[n, 3, Height, Width].</param>
    /// <returns>[n, Features].</returns>
    /// <remarks>
    /// libtorch's conv2d, correct here only because <see cref="TorchSetup.Initialise"/> caps oneDNN at SSE4.1 (its
    /// AVX2/AVX-512 JIT kernels were wrong for these layers); TrunkOnnxParityTests check it against ONNX Runtime.
    /// </remarks>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = input;
        for (int i = 0; i < _convs.Length; i++)
        {
            x = nn.functional.relu(_convs[i].call(x));
        }

        return _dense.call(x.flatten(1)).tanh().MoveToOuterDisposeScope();
    }
}
