using System.Runtime.InteropServices;
using TorchSharp;

namespace DroneLiquid.Training;

/// <summary>Process-wide libtorch settings, applied before any tensor work.</summary>
public static partial class TorchSetup
{
    /// <summary>The oneDNN instruction-set cap applied before libtorch runs its first convolution.</summary>
    public const string OneDnnMaxCpuIsa = "SSE41";

    private static int _done;

    /// <summary>
    /// One intra-op thread: on this 2-core machine two threads ran 10-40x slower whenever anything else used a
    /// core (issue 7's measurement), and one thread keeps float results reproducible.
    /// <para>
    /// oneDNN capped at SSE4.1: libtorch 2.10's oneDNN 3.7.1 JIT convolutions (avx512_core and avx2, direct
    /// algorithm) gave forward values off by up to 0.07 and gradients off by up to 0.04 for the trunk's 5x5
    /// stride-2 layers on this machine (against ONNX Runtime and an im2col reference); with the SSE4.1 kernels
    /// forward and gradients agree within 3e-7, and a training step is about 4x faster than im2col. oneDNN reads
    /// <c>ONEDNN_MAX_CPU_ISA</c> from the native environment once, so it is set there (setenv) before any
    /// convolution; a value the user already exported wins. TrunkOnnxParityTests guard the result.
    /// </para>
    /// </summary>
    public static void Initialise()
    {
        if (Interlocked.Exchange(ref _done, 1) == 0)
        {
            CapOneDnnIsa();
            torch.set_num_threads(1);
            torch.set_num_interop_threads(1);
        }
    }

    private static void CapOneDnnIsa()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ONEDNN_MAX_CPU_ISA")))
        {
            return;
        }

        Environment.SetEnvironmentVariable("ONEDNN_MAX_CPU_ISA", OneDnnMaxCpuIsa);
        if (OperatingSystem.IsWindows())
        {
            _ = PutEnvWindows("ONEDNN_MAX_CPU_ISA", OneDnnMaxCpuIsa);
        }
        else if (SetEnvUnix("ONEDNN_MAX_CPU_ISA", OneDnnMaxCpuIsa, 1) != 0)
        {
            throw new InvalidOperationException("setenv(ONEDNN_MAX_CPU_ISA) failed: libtorch convolutions would be unreliable.");
        }
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnvUnix(string name, string value, int overwrite);

    [LibraryImport("ucrtbase", EntryPoint = "_putenv_s", StringMarshalling = StringMarshalling.Utf16)]
    private static partial int PutEnvWindows(string name, string value);
}
