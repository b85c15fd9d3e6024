namespace DroneLiquid.Sensors;

/// <summary>Maps a set of <see cref="SensorFaults"/> to the single <see cref="SensorHealth"/> the tick acts on.</summary>
public static class SensorHealthRules
{
    private const SensorFaults FailedFaults = SensorFaults.NotFound | SensorFaults.ReadErrors | SensorFaults.Frozen | SensorFaults.Stopped;
    private const SensorFaults StaleFaults = SensorFaults.NoData | SensorFaults.Stale;

    /// <summary>Failed beats Stale beats Ok; <see cref="SensorFaults.Saturated"/> alone is a warning and stays Ok.</summary>
    public static SensorHealth Classify(SensorFaults faults)
    {
        if ((faults & FailedFaults) != 0)
        {
            return SensorHealth.Failed;
        }

        return (faults & StaleFaults) != 0 ? SensorHealth.Stale : SensorHealth.Ok;
    }
}
