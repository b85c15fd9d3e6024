namespace DroneLiquid.Mavlink.Transports;

/// <summary>
/// Exponential, bounded, jittered delays between reconnect attempts: attempt n waits
/// <c>min(max, initial * 2^n)</c> shortened by a random fraction of up to <c>jitter</c>, so that many links
/// lost together do not retry in lock step, and no wait ever exceeds the maximum.
/// </summary>
public sealed class ReconnectBackoff
{
    private readonly TimeSpan _initial;
    private readonly TimeSpan _max;
    private readonly double _jitterFraction;
    private readonly Random _random;

    /// <summary>Creates a backoff; <paramref name="random"/> is injectable so tests are repeatable.</summary>
    public ReconnectBackoff(TimeSpan initial, TimeSpan max, double jitterFraction, Random? random = null)
    {
        if (initial <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(initial), initial, "initial reconnect delay must be positive");
        }

        if (max < initial)
        {
            throw new ArgumentOutOfRangeException(nameof(max), max, $"maximum reconnect delay must be at least the initial delay {initial}");
        }

        if (jitterFraction is < 0 or >= 1 || double.IsNaN(jitterFraction))
        {
            throw new ArgumentOutOfRangeException(nameof(jitterFraction), jitterFraction, "jitter fraction must be in [0, 1)");
        }

        _initial = initial;
        _max = max;
        _jitterFraction = jitterFraction;
        _random = random ?? new Random();
    }

    /// <summary>Attempts since the last <see cref="Reset"/>.</summary>
    public int Attempt { get; private set; }

    /// <summary>The delay before the next attempt; each call counts one attempt.</summary>
    public TimeSpan NextDelay()
    {
        double baseTicks = _initial.Ticks * Math.Pow(2, Math.Min(Attempt, 30));
        baseTicks = Math.Min(baseTicks, _max.Ticks);
        Attempt++;
        double jittered = baseTicks * (1 - (_jitterFraction * _random.NextDouble()));
        return TimeSpan.FromTicks((long)jittered);
    }

    /// <summary>Back to the initial delay, after a connection succeeded.</summary>
    public void Reset() => Attempt = 0;
}
