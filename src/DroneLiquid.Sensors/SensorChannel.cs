namespace DroneLiquid.Sensors;

/// <summary>
/// The hand-off between one producer (a sampling thread) and the control tick: the newest value stamped with
/// its sequence number and <see cref="TimeProvider"/> timestamp, the producer's fault flags, and the age limit
/// after which the value counts as stale. Publishing and reading are lock-free and allocate nothing.
/// </summary>
/// <typeparam name="T">The sample type.</typeparam>
public sealed class SensorChannel<T>
    where T : unmanaged
{
    private readonly LatestValue<Stamped> _latest = new();
    private readonly TimeProvider _timeProvider;
    private readonly long _staleAfterTicks;
    private long _sequence;
    private int _faults;

    /// <summary>Creates a channel whose values go stale <paramref name="staleAfter"/> after they were taken.</summary>
    public SensorChannel(TimeProvider timeProvider, TimeSpan staleAfter)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(staleAfter, TimeSpan.Zero);
        _timeProvider = timeProvider;
        _staleAfterTicks = (long)(staleAfter.TotalSeconds * timeProvider.TimestampFrequency);
    }

    /// <summary>The clock that stamps and ages the values.</summary>
    public TimeProvider TimeProvider => _timeProvider;

    /// <summary>Number of values published so far (the last sequence number).</summary>
    public long PublishedCount => Volatile.Read(ref _sequence);

    /// <summary>The producer's current fault flags (without the staleness the reader adds).</summary>
    public SensorFaults ProducerFaults => (SensorFaults)Volatile.Read(ref _faults);

    /// <summary>Publishes a value taken at <paramref name="timestamp"/> and returns its sequence number; producer only.</summary>
    public long Publish(in T value, long timestamp)
    {
        long sequence = _sequence + 1;
        _latest.Publish(new Stamped(value, sequence, timestamp));
        Volatile.Write(ref _sequence, sequence);
        return sequence;
    }

    /// <summary>Raises or clears producer fault flags (lock-free; the producer, or Stop from another thread).</summary>
    public void SetFaults(SensorFaults faults, bool present)
        => FaultFlags.Update(ref _faults, faults, present);

    /// <summary>The newest value with its age and health as of now; any thread, no locks, no allocation.</summary>
    public SensorReading<T> ReadLatest()
    {
        var faults = ProducerFaults;
        if (!_latest.TryRead(out var stamped))
        {
            return new SensorReading<T>(default, 0, 0, double.PositiveInfinity, faults | SensorFaults.NoData);
        }

        long now = _timeProvider.GetTimestamp();
        long ageTicks = now - stamped.Timestamp;
        if (ageTicks > _staleAfterTicks)
        {
            faults |= SensorFaults.Stale;
        }

        double ageSeconds = (double)ageTicks / _timeProvider.TimestampFrequency;
        return new SensorReading<T>(stamped.Value, stamped.Sequence, stamped.Timestamp, ageSeconds, faults);
    }

    private readonly struct Stamped(T value, long sequence, long timestamp)
    {
        public readonly T Value = value;
        public readonly long Sequence = sequence;
        public readonly long Timestamp = timestamp;
    }
}
