namespace DroneLiquid.Sim.SensorSources;

/// <summary>
/// How the in-process sensor sources hand the simulator's outputs to the tick. Plain properties; <see cref="Validate"/>
/// runs in the sources' constructors and names the bad property, its value and the allowed range.
/// </summary>
public sealed record SimSourceOptions
{
    /// <summary>A sample or frame older than this (simulated time) is Stale. Default 0.1 s; 1 ms to 10 s.</summary>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Identical IMU readings for longer than this are Frozen. Default 0.5 s; 10 ms to 60 s. Null turns the check off:
    /// a noise-free world (<c>SensorNoise.None</c>) at rest reads exactly the same every sample, as no real IMU does.
    /// </summary>
    public TimeSpan? FrozenAfter { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Camera frames per simulated second. Default 30; 1 to 1000.</summary>
    public double CameraRateHz { get; init; } = 30;

    /// <summary>
    /// When true (the default) the tick's own read (<c>ReadLatest</c>/<c>AcquireLatest</c>) first takes what the world
    /// produced since the last read: the lockstep case, where one thread steps the world and runs the tick. When false,
    /// the thread that steps the world calls <c>Pump</c> after each step.
    /// </summary>
    public bool PumpOnRead { get; init; } = true;

    /// <summary>Checks every value; throws <see cref="ArgumentOutOfRangeException"/> naming the first bad one.</summary>
    public void Validate()
    {
        CheckRange(nameof(StaleAfter), StaleAfter, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(10));
        if (FrozenAfter is { } frozenAfter)
        {
            CheckRange(nameof(FrozenAfter), frozenAfter, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(60));
        }

        if (!double.IsFinite(CameraRateHz) || CameraRateHz < 1 || CameraRateHz > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(CameraRateHz), CameraRateHz, $"{nameof(CameraRateHz)} must be within [1, 1000], got {CameraRateHz}");
        }
    }

    private static void CheckRange(string name, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be from {min.TotalSeconds} s to {max.TotalSeconds} s, got {value.TotalSeconds} s");
        }
    }
}
