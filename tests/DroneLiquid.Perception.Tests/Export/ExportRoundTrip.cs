using DroneLiquid.Liquid.Models;
using DroneLiquid.Liquid.Tensors;
using DroneLiquid.Perception.Export;
using DroneLiquid.Perception.Recurrent;

namespace DroneLiquid.Perception.Tests.Export;

/// <summary>Exports a model, runs the graph in ONNX Runtime beside the native session, and returns the worst difference.</summary>
internal static class ExportRoundTrip
{
    /// <summary>Irregular elapsed times in [0.005, 0.5] s, seeded.</summary>
    public static float[] IrregularElapsed(int steps, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, steps).Select(_ => 0.005f + 0.495f * random.NextSingle()).ToArray();
    }

    public static float[][] SineInputs(int steps, int width) =>
        Enumerable.Range(0, steps).Select(t => Enumerable.Range(0, width).Select(i => MathF.Sin(0.3f * t + 1.7f * i)).ToArray()).ToArray();

    /// <returns>Max |onnx - native| over outputs, states and cell states of every step.</returns>
    public static double MaxDifference(LiquidModelSpec spec, TensorDictionary weights, float[][] inputs, float[] elapsed)
    {
        using var onnx = OnnxStepSession.Load(LiquidOnnxExporter.Export(spec, weights), "exported", LiquidOnnxExporter.SignatureOf(spec));
        return OnnxParity.MaxDifference(onnx, LiquidModel.Create(spec, weights).CreateSession(), inputs, elapsed);
    }
}
