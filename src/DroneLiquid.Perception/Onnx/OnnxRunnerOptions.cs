namespace DroneLiquid.Perception.Onnx;

/// <summary>
/// How an <see cref="OnnxRunner"/> sets up ONNX Runtime on a small board: one intra-op thread and no thread
/// spinning by default (the flight loop owns the cores; spinning threads would burn them between ticks),
/// every graph optimisation on, and the execution providers to try in order, CPU last as the fallback.
/// </summary>
/// <param name="IntraOpThreads">Threads one operator may use; at least 1.</param>
/// <param name="ExecutionProviders">Providers appended in this order; the CPU provider is always present. A named provider that the
/// installed ONNX Runtime lacks is an error at load, never a silent fallback.</param>
public sealed record OnnxRunnerOptions(int IntraOpThreads = 1, IReadOnlyList<OnnxExecutionProvider>? ExecutionProviders = null)
{
    /// <summary>CPU only, one thread.</summary>
    public static OnnxRunnerOptions Default { get; } = new();

    /// <summary>Device id for CUDA/TensorRT.</summary>
    public int DeviceId { get; init; }

    /// <summary>The providers to append (CPU alone when none are named).</summary>
    public IReadOnlyList<OnnxExecutionProvider> Providers => ExecutionProviders is { Count: > 0 } named ? named : [OnnxExecutionProvider.Cpu];
}
