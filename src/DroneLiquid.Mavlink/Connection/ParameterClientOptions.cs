
namespace DroneLiquid.Mavlink.Connection;

/// <summary>Timing and encoding of the parameter microservice.</summary>
public sealed class ParameterClientOptions
{
    /// <summary>Wait for a PARAM_VALUE before asking again. Default 1 s.</summary>
    public TimeSpan ReplyTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Requests after the first. Default 3.</summary>
    public int Retries { get; init; } = 3;

    /// <summary>While reading all: silence after which missing indices are requested one by one. Default 0.5 s.</summary>
    public TimeSpan ListIdleTimeout { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>While reading all: rounds of gap requests before giving up. Default 5.</summary>
    public int GapRounds { get; init; } = 5;

    /// <summary>Integer encoding; null picks it from the target's HEARTBEAT (ArduPilot C-cast, everyone else bytewise).</summary>
    public ParameterEncoding? Encoding { get; init; }

    internal void Validate()
    {
        if (ReplyTimeout <= TimeSpan.Zero || ListIdleTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(ReplyTimeout)} and {nameof(ListIdleTimeout)} must be positive; got {ReplyTimeout} and {ListIdleTimeout}");
        }

        if (Retries is < 0 or > 20 || GapRounds is < 0 or > 100)
        {
            throw new ArgumentException($"{nameof(Retries)} must be 0 to 20 and {nameof(GapRounds)} 0 to 100; got {Retries} and {GapRounds}");
        }
    }
}
