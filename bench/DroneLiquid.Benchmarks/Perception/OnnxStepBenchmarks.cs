using BenchmarkDotNet.Attributes;
using DroneLiquid.Liquid.Models;
using DroneLiquid.Liquid.Sessions;
using DroneLiquid.Perception.Export;
using DroneLiquid.Perception.Recurrent;

namespace DroneLiquid.Benchmarks.Perception;

/// <summary>
/// One recurrent step of the same model on the native liquid runtime and on ONNX Runtime (one intra-op
/// thread, buffers bound once): our exported graph and the torch.onnx graph of the reference. Issue 6 quotes
/// ~5 us (8-unit CfC) and ~12 us (19-neuron NCP) for ONNX with IOBinding; native should be >= 10x faster.
/// Run: dotnet run -c Release --project bench/DroneLiquid.Benchmarks -- --filter '*OnnxStep*' --job short
/// </summary>
[MemoryDiagnoser]
public class OnnxStepBenchmarks
{
    private const float ElapsedSeconds = 0.05f;

    private LiquidSession _native = null!;
    private OnnxStepSession _exported = null!;
    private OnnxStepSession _torch = null!;
    private float[] _input = null!;
    private float[] _output = null!;

    [Params("cfc_default", "wiredcfc_autoncp19")]
    public string Model { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        string dir = Path.Combine(AppContext.BaseDirectory, "Perception", "Reference");
        var source = ModelSource.Load(Path.Combine(dir, Model + ".json"));
        _native = source.CreateModel().CreateSession();
        var signature = LiquidOnnxExporter.SignatureOf(source.Spec);
        _exported = OnnxStepSession.Load(LiquidOnnxExporter.Export(source.Spec, source.Weights), "exported", signature);
        _torch = OnnxStepSession.Open(Path.Combine(dir, Model + "_step.onnx"), signature);
        _input = source.Reference!.Inputs[0][0];
        _output = new float[source.Spec.OutputSize];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _exported.Dispose();
        _torch.Dispose();
    }

    [Benchmark(Baseline = true, Description = "native")]
    public void Native() => _native.Step(_input, ElapsedSeconds, _output);

    [Benchmark(Description = "ONNX Runtime, our export")]
    public void OnnxExported() => _exported.Step(_input, ElapsedSeconds, _output);

    [Benchmark(Description = "ONNX Runtime, torch.onnx graph")]
    public void OnnxTorch() => _torch.Step(_input, ElapsedSeconds, _output);
}
