using TorchSharp;

namespace DroneLiquid.Training;

/// <summary>Process-wide libtorch settings, applied before any tensor work.</summary>
public static class TorchSetup
{
    private static int _done;

    /// <summary>
    /// One intra-op thread: on this 2-core machine two threads ran 10-40x slower whenever anything else used a
    /// core (issue 7's measurement), and one thread keeps float results reproducible.
    /// </summary>
    public static void Initialise()
    {
        if (Interlocked.Exchange(ref _done, 1) == 0)
        {
            torch.set_num_threads(1);
            torch.set_num_interop_threads(1);
        }
    }
}
