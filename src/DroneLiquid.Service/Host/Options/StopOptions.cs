using DroneLiquid.Flight.Control;

namespace DroneLiquid.Service.Host.Options;

/// <summary>Graceful stop (section "DroneLiquid:Stop").</summary>
public sealed class StopOptions
{
    /// <summary>Default time allowed for the stop: 10 s.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>What to command when the service stops in flight (default Hold; the session's ControlOptions.StopAction).</summary>
    public StopAction Action { get; set; } = StopAction.Hold;

    /// <summary>
    /// How long the stop may take: the stop action's mode confirmation, then the end of streaming and STOPPING=1
    /// (HostOptions.ShutdownTimeout; default 10 s; 1 s to 60 s).
    /// </summary>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;
}
