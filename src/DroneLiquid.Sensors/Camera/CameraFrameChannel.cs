namespace DroneLiquid.Sensors.Camera;

/// <summary>
/// The hand-off every camera source uses (and the simulator's camera can use from its own assembly): three
/// pooled frame buffers exchanged without locks, plus sequence numbers, <see cref="TimeProvider"/> timestamps,
/// fault flags and the age after which a frame is stale. One producer thread publishes, one consumer (the
/// tick) acquires; neither allocates.
/// </summary>
public sealed class CameraFrameChannel
{
    private readonly FrameExchange _exchange;
    private readonly TimeProvider _timeProvider;
    private readonly long _staleAfterTicks;
    private long _published;
    private long _badFrames;
    private int _faults;

    /// <summary>Creates a channel whose buffers hold frames of up to <paramref name="frameCapacityBytes"/> bytes.</summary>
    public CameraFrameChannel(int frameCapacityBytes, TimeProvider timeProvider, TimeSpan staleAfter)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(staleAfter, TimeSpan.Zero);
        _exchange = new FrameExchange(frameCapacityBytes);
        _timeProvider = timeProvider;
        _staleAfterTicks = (long)(staleAfter.TotalSeconds * timeProvider.TimestampFrequency);
    }

    /// <summary>The clock that stamps and ages the frames.</summary>
    public TimeProvider TimeProvider => _timeProvider;

    /// <summary>Totals since creation.</summary>
    public CameraCounters Counters => new(Interlocked.Read(ref _published), _exchange.Dropped, Interlocked.Read(ref _badFrames));

    /// <summary>The producer's fault flags (without the staleness the consumer adds).</summary>
    public SensorFaults ProducerFaults => (SensorFaults)Volatile.Read(ref _faults);

    /// <summary>Copies a frame into the next pooled buffer, stamps it now and publishes it; producer only.</summary>
    public void Publish(ReadOnlySpan<byte> data, int width, int height, FramePixelFormat format, long sourceTimestampMicroseconds = 0)
    {
        var frame = _exchange.Back;
        frame.CopyFrom(data);
        long sequence = _published + 1;
        frame.Set(data.Length, width, height, format, _timeProvider.GetTimestamp(), sequence, sourceTimestampMicroseconds);
        _exchange.Publish();
        Interlocked.Exchange(ref _published, sequence);
    }

    /// <summary>Counts a refused frame or capture error; producer only.</summary>
    public void CountBadFrame() => Interlocked.Increment(ref _badFrames);

    /// <summary>Raises or clears producer fault flags (lock-free; the producer, or Stop from another thread).</summary>
    public void SetFaults(SensorFaults faults, bool present)
        => FaultFlags.Update(ref _faults, faults, present);

    /// <summary>The newest frame with its age and health; consumer only.</summary>
    public CameraReading AcquireLatest()
    {
        var faults = ProducerFaults;
        bool isNew = _exchange.TryAcquireNewest(out var frame);
        if (frame is null)
        {
            return new CameraReading(null, false, double.PositiveInfinity, faults | SensorFaults.NoData);
        }

        long ageTicks = _timeProvider.GetTimestamp() - frame.Timestamp;
        if (ageTicks > _staleAfterTicks)
        {
            faults |= SensorFaults.Stale;
        }

        return new CameraReading(frame, isNew, (double)ageTicks / _timeProvider.TimestampFrequency, faults);
    }
}
