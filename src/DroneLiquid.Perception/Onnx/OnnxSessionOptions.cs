using Microsoft.ML.OnnxRuntime;

namespace DroneLiquid.Perception.Onnx;

/// <summary>Turns <see cref="OnnxRunnerOptions"/> into ONNX Runtime <see cref="SessionOptions"/>.</summary>
internal static class OnnxSessionOptions
{
    /// <exception cref="OnnxModelException">Bad thread count, or a named execution provider is not in this ONNX Runtime build.</exception>
    public static SessionOptions Create(string path, OnnxRunnerOptions options)
    {
        if (options.IntraOpThreads < 1)
        {
            throw new OnnxModelException(path, $"intra-op threads must be >= 1, got {options.IntraOpThreads}");
        }

        var session = new SessionOptions
        {
            IntraOpNumThreads = options.IntraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        try
        {
            session.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
            session.AddSessionConfigEntry("session.inter_op.allow_spinning", "0");
            foreach (var provider in options.Providers)
            {
                Append(session, provider, options.DeviceId);
            }
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
        {
            session.Dispose();
            var names = string.Join(", ", OrtEnv.Instance().GetAvailableProviders());
            throw new OnnxModelException(path, $"execution provider setup failed ({ex.Message}); this ONNX Runtime has: {names}", ex);
        }
        catch
        {
            session.Dispose();
            throw;
        }

        return session;
    }

    private static void Append(SessionOptions session, OnnxExecutionProvider provider, int deviceId)
    {
        switch (provider)
        {
            case OnnxExecutionProvider.Cpu:
                break;
            case OnnxExecutionProvider.Cuda:
                Require(provider, "CUDAExecutionProvider");
                session.AppendExecutionProvider_CUDA(deviceId);
                break;
            case OnnxExecutionProvider.TensorRt:
                Require(provider, "TensorrtExecutionProvider");
                session.AppendExecutionProvider_Tensorrt(deviceId);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "unknown execution provider");
        }
    }

    private static void Require(OnnxExecutionProvider provider, string ortName)
    {
        var available = OrtEnv.Instance().GetAvailableProviders();
        if (!available.Contains(ortName))
        {
            throw new EntryPointNotFoundException(
                $"{provider} was asked for, but this ONNX Runtime has only {string.Join(", ", available)}; install an ONNX Runtime package built with {ortName}");
        }
    }
}
