using Microsoft.ML.OnnxRuntime;

namespace DroneLiquid.Perception.Onnx;

/// <summary>
/// A float tensor that ONNX Runtime reads or writes in place: a managed array allocated once, pinned, and an
/// <see cref="OrtValue"/> over that memory. Writing <see cref="Span"/> before a run is all it takes to feed
/// an input; an output appears there after the run. Nothing is copied or allocated per call.
/// </summary>
public sealed class OnnxTensorBuffer : IDisposable
{
    private readonly float[] _data;

    internal OnnxTensorBuffer(OnnxTensorSpec spec)
    {
        Spec = spec;
        _data = GC.AllocateArray<float>(spec.Length, pinned: true);
        Value = OrtValue.CreateTensorValueFromMemory(_data, spec.Shape.Select(d => (long)d).ToArray());
    }

    public OnnxTensorSpec Spec { get; }

    /// <summary>The tensor's values, row-major.</summary>
    public Span<float> Span => _data;

    internal OrtValue Value { get; }

    public void Dispose() => Value.Dispose();
}
