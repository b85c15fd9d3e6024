namespace DroneLiquid.Flight.Recorder;

/// <summary>
/// A preallocated single-producer single-consumer ring of encoded tick records. The tick encodes straight into a
/// free slot (no allocation, no lock); the writer thread copies whole slots out. When full, a record is dropped
/// and counted rather than blocking the tick.
/// </summary>
internal sealed class TickRing
{
    private readonly TickLogLayout _layout;
    private readonly byte[] _slots;
    private readonly int _capacity;
    private long _head; // records published by the producer
    private long _tail; // records consumed by the consumer
    private long _dropped;

    public TickRing(TickLogLayout layout, int capacity)
    {
        _layout = layout;
        _capacity = capacity;
        _slots = new byte[checked(capacity * layout.RecordSize)];
    }

    public long Dropped => Volatile.Read(ref _dropped);

    public long Enqueued => Volatile.Read(ref _head);

    /// <summary>Producer side: encodes one record, or returns false (and counts a drop) when the ring is full.</summary>
    public bool TryEnqueue(in TickSample sample, ReadOnlySpan<float> observation, ReadOnlySpan<float> features, ReadOnlySpan<float> outputs)
    {
        long head = _head;
        if (head - Volatile.Read(ref _tail) >= _capacity)
        {
            Interlocked.Increment(ref _dropped);
            return false;
        }

        int size = _layout.RecordSize;
        _layout.Encode(_slots.AsSpan((int)(head % _capacity) * size, size), sample, observation, features, outputs);
        Volatile.Write(ref _head, head + 1);
        return true;
    }

    /// <summary>Consumer side: writes every published record to <paramref name="destination"/>; returns how many.</summary>
    public int DrainTo(Stream destination)
    {
        long tail = _tail;
        long head = Volatile.Read(ref _head);
        int size = _layout.RecordSize;
        int count = 0;
        while (tail < head)
        {
            // Contiguous run up to the end of the array, in one write.
            int first = (int)(tail % _capacity);
            int run = (int)Math.Min(head - tail, _capacity - first);
            destination.Write(_slots, first * size, run * size);
            tail += run;
            count += run;
        }

        Volatile.Write(ref _tail, tail);
        return count;
    }
}
