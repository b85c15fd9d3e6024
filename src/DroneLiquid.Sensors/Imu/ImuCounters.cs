namespace DroneLiquid.Sensors.Imu;

/// <summary>Running totals of an IMU source.</summary>
/// <param name="SamplesPublished">Samples handed to the tick.</param>
/// <param name="ReadErrors">Reads that failed (bus errors, NACKs), in total.</param>
/// <param name="ConsecutiveReadErrors">Reads that failed since the last good one.</param>
/// <param name="SaturatedSamples">Samples with at least one axis at its range limit.</param>
public readonly record struct ImuCounters(long SamplesPublished, long ReadErrors, int ConsecutiveReadErrors, long SaturatedSamples);
