using DroneLiquid.Liquid.Sessions;
using DroneLiquid.Perception.Recurrent;

namespace DroneLiquid.Perception.Export;

/// <summary>Runs a step graph and a native session side by side to show an export computes what the model computes.</summary>
public static class OnnxParity
{
    /// <summary>Max |onnx - native| over outputs, states and cell states of every step of one sequence, from both sessions' current states.</summary>
    public static double MaxDifference(OnnxStepSession onnx, LiquidSession native, IReadOnlyList<float[]> inputs, IReadOnlyList<float> elapsedSeconds)
    {
        ArgumentNullException.ThrowIfNull(onnx);
        ArgumentNullException.ThrowIfNull(native);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(elapsedSeconds);
        if (elapsedSeconds.Count != inputs.Count)
        {
            throw new ArgumentException($"{elapsedSeconds.Count} elapsed times for {inputs.Count} steps", nameof(elapsedSeconds));
        }

        var yOnnx = new float[onnx.Signature.OutputSize];
        var yNative = new float[native.Model.OutputSize];
        double worst = 0;
        for (int t = 0; t < inputs.Count; t++)
        {
            onnx.Step(inputs[t], elapsedSeconds[t], yOnnx);
            native.Step(inputs[t], elapsedSeconds[t], yNative);
            worst = Math.Max(worst, MaxAbs(yOnnx, yNative));
            worst = Math.Max(worst, MaxAbs(onnx.State, native.State));
            worst = Math.Max(worst, MaxAbs(onnx.CellState, native.CellState));
        }

        return worst;
    }

    private static double MaxAbs(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"the ONNX graph gives {a.Length} values where the native model gives {b.Length}");
        }

        double max = 0;
        for (int i = 0; i < a.Length; i++) max = Math.Max(max, Math.Abs((double)a[i] - b[i]));
        return max;
    }
}
