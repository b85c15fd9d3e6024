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
    public static float MaxDifference(LiquidModelSpec spec, TensorDictionary weights, float[][] inputs, float[] elapsed)
    {
        var bytes = LiquidOnnxExporter.Export(spec, weights);
        using var onnx = OnnxStepSession.Load(bytes, "exported", LiquidOnnxExporter.SignatureOf(spec));
        var native = LiquidModel.Create(spec, weights).CreateSession();
        var yOnnx = new float[spec.OutputSize];
        var yNative = new float[spec.OutputSize];
        float worst = 0f;
        for (int t = 0; t < inputs.Length; t++)
        {
            onnx.Step(inputs[t], elapsed[t], yOnnx);
            native.Step(inputs[t], elapsed[t], yNative);
            worst = Math.Max(worst, MaxAbsDifference.Of(yOnnx, yNative));
            worst = Math.Max(worst, MaxAbsDifference.Of(onnx.State, native.State));
            worst = Math.Max(worst, MaxAbsDifference.Of(onnx.CellState, native.CellState));
        }

        return worst;
    }
}
