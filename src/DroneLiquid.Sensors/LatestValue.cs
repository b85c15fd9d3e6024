namespace DroneLiquid.Sensors;

/// <summary>
/// The newest value of a source, written by exactly one producer thread and read by any number of readers
/// (the control tick) without locks or allocation: a sequence lock over an unmanaged struct.
/// </summary>
/// <remarks>
/// The writer makes the version odd, stores the value, then makes it even again. A reader copies the value
/// between two reads of the version and retries if they differ or are odd, so it never sees a torn struct.
/// Full fences keep the value stores/loads between the version accesses on weakly ordered CPUs (arm64).
/// A single writer is a precondition: two concurrent writers would corrupt the version.
/// </remarks>
/// <typeparam name="T">An unmanaged struct, copied whole on every publish and read.</typeparam>
public sealed class LatestValue<T>
    where T : unmanaged
{
    private T _value;
    private int _version;

    /// <summary>True once the first value has been published.</summary>
    public bool HasValue => Volatile.Read(ref _version) != 0;

    /// <summary>Publishes <paramref name="value"/>; producer thread only.</summary>
    public void Publish(in T value)
    {
        int version = _version;
        Volatile.Write(ref _version, version + 1);
        Interlocked.MemoryBarrier();
        _value = value;
        Volatile.Write(ref _version, version + 2);
    }

    /// <summary>Copies the newest value; false (and default) if nothing has been published yet.</summary>
    public bool TryRead(out T value)
    {
        var spinner = default(SpinWait);
        while (true)
        {
            int before = Volatile.Read(ref _version);
            if (before == 0)
            {
                value = default;
                return false;
            }

            if ((before & 1) == 0)
            {
                value = _value;
                Interlocked.MemoryBarrier();
                if (Volatile.Read(ref _version) == before)
                {
                    return true;
                }
            }

            spinner.SpinOnce(sleep1Threshold: -1);
        }
    }
}
