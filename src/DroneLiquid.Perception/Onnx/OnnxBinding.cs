using Microsoft.ML.OnnxRuntime;

namespace DroneLiquid.Perception.Onnx;

/// <summary>
/// One fixed assignment of <see cref="OnnxTensorBuffer"/>s to a graph's inputs and outputs (an
/// <see cref="OrtIoBinding"/> made once); <see cref="OnnxRunner.Run"/> with it allocates nothing.
/// Recurrent models keep two bindings with the state buffers swapped.
/// </summary>
public sealed class OnnxBinding : IDisposable
{
    internal OnnxBinding(OrtIoBinding binding, IReadOnlyList<OnnxTensorBuffer> inputs, IReadOnlyList<OnnxTensorBuffer> outputs)
    {
        IoBinding = binding;
        Inputs = inputs;
        Outputs = outputs;
    }

    /// <summary>The bound inputs, in the runner's signature order.</summary>
    public IReadOnlyList<OnnxTensorBuffer> Inputs { get; }

    /// <summary>The bound outputs, in the runner's signature order.</summary>
    public IReadOnlyList<OnnxTensorBuffer> Outputs { get; }

    internal OrtIoBinding IoBinding { get; }

    /// <summary>Releases the binding; the buffers belong to whoever created them.</summary>
    public void Dispose() => IoBinding.Dispose();
}
