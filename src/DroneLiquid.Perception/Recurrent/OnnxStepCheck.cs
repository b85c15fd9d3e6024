namespace DroneLiquid.Perception.Recurrent;

/// <summary>How one engine reproduced the pairs of a step reference: |got - want| over y and h_next.</summary>
/// <param name="Engine">"onnx" (the graph in ONNX Runtime) or "native" (the same weights in the liquid runtime).</param>
/// <param name="Violations">Values with |got - want| &gt; atol + rtol |want|.</param>
public sealed record OnnxStepCheck(string Engine, double MaxAbs, int Violations, int Count)
{
    public bool Passed => Violations == 0;
}
