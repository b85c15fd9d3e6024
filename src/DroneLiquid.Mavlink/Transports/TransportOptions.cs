namespace DroneLiquid.Mavlink.Transports;

/// <summary>Timing of connects and reconnects; the defaults suit a companion computer next to its autopilot.</summary>
public sealed class TransportOptions
{
    /// <summary>First reconnect delay. Default 100 ms.</summary>
    public TimeSpan ReconnectInitialDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest reconnect delay. Default 5 s.</summary>
    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Each delay is shortened by a random fraction of up to this much. Default 0.2.</summary>
    public double ReconnectJitterFraction { get; init; } = 0.2;

    /// <summary>How long one TCP connect attempt may take. Default 3 s.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Source of randomness for the jitter; null for a shared unseeded one.</summary>
    public Random? JitterRandom { get; init; }

    internal ReconnectBackoff CreateBackoff() =>
        new(ReconnectInitialDelay, ReconnectMaxDelay, ReconnectJitterFraction, JitterRandom);
}
