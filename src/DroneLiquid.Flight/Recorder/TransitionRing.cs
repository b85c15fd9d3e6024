using DroneLiquid.Flight.Failsafe;

namespace DroneLiquid.Flight.Recorder;

/// <summary>A preallocated single-producer single-consumer ring of transitions; full drops and counts.</summary>
internal sealed class TransitionRing
{
    private readonly FailsafeTransition[] _items;
    private long _head;
    private long _tail;
    private long _dropped;

    public TransitionRing(int capacity) => _items = new FailsafeTransition[capacity];

    public long Dropped => Volatile.Read(ref _dropped);

    public bool TryEnqueue(in FailsafeTransition transition)
    {
        long head = _head;
        if (head - Volatile.Read(ref _tail) >= _items.Length)
        {
            Interlocked.Increment(ref _dropped);
            return false;
        }

        _items[head % _items.Length] = transition;
        Volatile.Write(ref _head, head + 1);
        return true;
    }

    public bool TryDequeue(out FailsafeTransition transition)
    {
        long tail = _tail;
        if (tail >= Volatile.Read(ref _head))
        {
            transition = default;
            return false;
        }

        transition = _items[tail % _items.Length];
        Volatile.Write(ref _tail, tail + 1);
        return true;
    }
}
