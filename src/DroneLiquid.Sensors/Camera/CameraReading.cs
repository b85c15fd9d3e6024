namespace DroneLiquid.Sensors.Camera;

/// <summary>What the tick sees of a camera: the newest frame with its age and health.</summary>
public readonly struct CameraReading
{
    /// <summary>Creates a reading.</summary>
    public CameraReading(CameraFrame? frame, bool isNew, double ageSeconds, SensorFaults faults)
    {
        Frame = frame;
        IsNew = isNew;
        AgeSeconds = ageSeconds;
        Faults = faults;
    }

    /// <summary>The newest frame (valid until the next acquire), or null before the first one.</summary>
    public CameraFrame? Frame { get; }

    /// <summary>True when <see cref="Frame"/> arrived since the previous acquire.</summary>
    public bool IsNew { get; }

    /// <summary>Seconds since the frame arrived; +inf without a frame.</summary>
    public double AgeSeconds { get; }

    /// <summary>Every reason that currently holds.</summary>
    public SensorFaults Faults { get; }

    /// <summary>The single health state the tick acts on.</summary>
    public SensorHealth Health => SensorHealthRules.Classify(Faults);

    /// <summary>The frame's sequence number, 0 without a frame.</summary>
    public long Sequence => Frame?.Sequence ?? 0;

    /// <summary>The frame's timestamp (<see cref="TimeProvider.GetTimestamp"/> units), 0 without a frame.</summary>
    public long Timestamp => Frame?.Timestamp ?? 0;
}
