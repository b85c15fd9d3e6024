
namespace DroneLiquid.Mavlink.Connection;

/// <summary>Retry timing of the command microservice (MAVSDK uses 0.5 s and 3 retries; PX4 answers in 2-8 ms).</summary>
public sealed class CommandClientOptions
{
    /// <summary>Wait for an ACK before sending again. Default 1 s.</summary>
    public TimeSpan AckTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Sends after the first when no ACK comes. Default 3 (4 attempts in all).</summary>
    public int Retries { get; init; } = 3;

    /// <summary>After an IN_PROGRESS ACK, wait this long for the next ACK without resending. Default 5 s.</summary>
    public TimeSpan InProgressTimeout { get; init; } = TimeSpan.FromSeconds(5);

    internal void Validate()
    {
        if (AckTimeout <= TimeSpan.Zero || InProgressTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(AckTimeout)} and {nameof(InProgressTimeout)} must be positive; got {AckTimeout} and {InProgressTimeout}");
        }

        if (Retries is < 0 or > 20)
        {
            throw new ArgumentException($"{nameof(Retries)} must be 0 to 20; got {Retries}", nameof(Retries));
        }
    }
}
