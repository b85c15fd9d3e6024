namespace DroneLiquid.Perception.Onnx;

/// <summary>An ONNX Runtime execution provider. Only the CPU provider ships in Microsoft.ML.OnnxRuntime.</summary>
public enum OnnxExecutionProvider
{
    /// <summary>The default CPU provider, always present.</summary>
    Cpu,

    /// <summary>NVIDIA CUDA (needs the Microsoft.ML.OnnxRuntime.Gpu package and its native libraries).</summary>
    Cuda,

    /// <summary>NVIDIA TensorRT, e.g. on a Jetson (needs an ONNX Runtime build with TensorRT).</summary>
    TensorRt,
}
