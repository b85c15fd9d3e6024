namespace DroneLiquid.Sensors;

/// <summary>
/// What the control tick sees of one source: the newest value with its time, sequence number, age and health.
/// A plain struct, filled without locks or allocation.
/// </summary>
/// <typeparam name="T">The sample type (for example <see cref="Imu.ImuSample"/>).</typeparam>
public readonly struct SensorReading<T>
    where T : unmanaged
{
    /// <summary>Creates a reading.</summary>
    public SensorReading(in T value, long sequence, long timestamp, double ageSeconds, SensorFaults faults)
    {
        Value = value;
        Sequence = sequence;
        Timestamp = timestamp;
        AgeSeconds = ageSeconds;
        Faults = faults;
    }

    /// <summary>The newest value; default when <see cref="Sequence"/> is 0 (nothing received yet).</summary>
    public T Value { get; }

    /// <summary>1 for the first value a source publishes, then counting up; 0 means no value yet.</summary>
    public long Sequence { get; }

    /// <summary>When the value was taken, in <see cref="TimeProvider.GetTimestamp"/> units of the source's clock.</summary>
    public long Timestamp { get; }

    /// <summary>Seconds between <see cref="Timestamp"/> and the moment this reading was taken; +inf without a value.</summary>
    public double AgeSeconds { get; }

    /// <summary>Every reason that currently holds.</summary>
    public SensorFaults Faults { get; }

    /// <summary>The single health state the tick acts on.</summary>
    public SensorHealth Health => SensorHealthRules.Classify(Faults);

    /// <summary>True when a value has been received at all.</summary>
    public bool HasValue => Sequence != 0;
}
