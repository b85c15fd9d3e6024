namespace DroneLiquid.Flight.Failsafe;

/// <summary>The last N transitions in a preallocated ring; oldest overwritten first. Single writer (the tick).</summary>
public sealed class TransitionLog
{
    private readonly FailsafeTransition[] _items;
    private long _count;

    /// <summary>Creates a ring holding <paramref name="capacity"/> transitions.</summary>
    public TransitionLog(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _items = new FailsafeTransition[capacity];
    }

    /// <summary>Transitions ever added.</summary>
    public long TotalCount => Volatile.Read(ref _count);

    /// <summary>Transitions held now (at most the capacity).</summary>
    public int Count => (int)Math.Min(TotalCount, _items.Length);

    /// <summary>The i-th held transition, oldest first.</summary>
    public FailsafeTransition this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            long first = TotalCount - Count;
            return _items[(first + index) % _items.Length];
        }
    }

    /// <summary>The newest transition; throws when empty.</summary>
    public FailsafeTransition Last => this[Count - 1];

    internal void Add(in FailsafeTransition transition)
    {
        _items[_count % _items.Length] = transition;
        Volatile.Write(ref _count, _count + 1);
    }
}
