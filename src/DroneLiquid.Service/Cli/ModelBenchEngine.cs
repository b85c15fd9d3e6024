using DroneLiquid.Liquid.Models;
using DroneLiquid.Liquid.Sessions;
using DroneLiquid.Perception.Export;
using DroneLiquid.Perception.Onnx;
using DroneLiquid.Perception.Recurrent;

namespace DroneLiquid.Service.Cli;

/// <summary>The step `model bench` times: a native liquid session, or an ONNX step session with bound buffers.</summary>
internal sealed class ModelBenchEngine : IDisposable
{
    private readonly LiquidSession? _native;
    private readonly OnnxStepSession? _onnx;

    private ModelBenchEngine(string description, LiquidSession? native, OnnxStepSession? onnx)
    {
        Description = description;
        _native = native;
        _onnx = onnx;
    }

    /// <summary>"native", or "onnx (...)" naming the graph and thread count.</summary>
    public string Description { get; }

    /// <param name="onnxPath">A step graph to time instead of exporting the model, or null.</param>
    public static ModelBenchEngine Create(string engine, ModelSource source, LiquidModel model, string? onnxPath, int threads)
    {
        if (engine == "native")
        {
            return new ModelBenchEngine("native", model.CreateSession(), null);
        }

        if (threads < 1)
        {
            throw new BadInputException($"--threads must be at least 1, got {threads}");
        }

        var signature = LiquidOnnxExporter.SignatureOf(source.Spec);
        var options = new OnnxRunnerOptions(threads);
        try
        {
            var session = onnxPath is null
                ? OnnxStepSession.Load(LiquidOnnxExporter.Export(source.Spec, source.Weights), "exported step", signature, options)
                : OnnxStepSession.Open(onnxPath, signature, options);
            return new ModelBenchEngine($"onnx ({onnxPath ?? "exported"}, {threads} intra-op thread{(threads == 1 ? "" : "s")}, IO binding)", null, session);
        }
        catch (OnnxModelException ex)
        {
            throw new BadInputException(ex.Message, ex);
        }
    }

    public StepStatus TryStep(ReadOnlySpan<float> input, float elapsedSeconds, Span<float> output) =>
        _native?.TryStep(input, elapsedSeconds, output) ?? _onnx!.TryStep(input, elapsedSeconds, output);

    public void Dispose() => _onnx?.Dispose();
}
