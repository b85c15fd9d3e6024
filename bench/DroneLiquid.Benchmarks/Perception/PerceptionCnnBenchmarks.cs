using BenchmarkDotNet.Attributes;
using DroneLiquid.Liquid.Models;
using DroneLiquid.Perception.Onnx;
using DroneLiquid.Perception.Vision;

namespace DroneLiquid.Benchmarks.Perception;

/// <summary>
/// The perception path of a vision policy: the five-convolution trunk (24/36/48 ch 5x5 s2, 64 ch 3x3,
/// 16 ch 3x3 s2, dense to 32 features) in ONNX Runtime with one intra-op thread, then one CfC step on the
/// features, at the three camera sizes of issue 6.
/// Run: dotnet run -c Release --project bench/DroneLiquid.Benchmarks -- --filter '*PerceptionCnn*' --job short
/// </summary>
[MemoryDiagnoser]
public class PerceptionCnnBenchmarks
{
    private const int Features = 32;
    private readonly float[] _observations = [];
    private readonly float[] _output = new float[4];
    private VisionPolicy _policy = null!;
    private OnnxRunner _cnn = null!;
    private OnnxTensorBuffer _image = null!;
    private OnnxTensorBuffer _features = null!;
    private OnnxBinding _binding = null!;

    [Params("64x48", "128x96", "256x144")]
    public string Size { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var parts = Size.Split('x');
        var spec = ConvTrunk.SpecFor(int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), Features);
        var liquid = new CfcSpec(Features, 16, BackboneUnits: 32, ProjSize: 4);
        var model = LiquidModel.Create(liquid, RandomWeights.Create(liquid, 3));
        var trunk = ConvTrunk.Create(spec, 1);
        _policy = VisionPolicy.Load(trunk, $"trunk {Size}", spec, model);
        _cnn = OnnxRunner.Load(trunk, $"trunk {Size}", [spec.Input], [spec.Output]);
        _image = _cnn.CreateBuffer(spec.InputName);
        _features = _cnn.CreateBuffer(spec.OutputName);
        _binding = _cnn.Bind([_image], [_features]);
        var random = new Random(5);
        for (int i = 0; i < _policy.Image.Length; i++) _policy.Image[i] = _image.Span[i] = random.NextSingle();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _policy.Dispose();
        _binding.Dispose();
        _image.Dispose();
        _features.Dispose();
        _cnn.Dispose();
    }

    [Benchmark(Baseline = true, Description = "CNN alone")]
    public void Cnn() => _cnn.Run(_binding);

    [Benchmark(Description = "CNN + CfC step")]
    public void VisionStep() => _policy.TryStep(_observations, 0.033f, _output);
}
