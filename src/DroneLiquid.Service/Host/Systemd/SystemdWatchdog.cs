using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;

namespace DroneLiquid.Service.Host.Systemd;

/// <summary>
/// The watchdog Microsoft.Extensions.Hosting.Systemd lacks: when systemd set WATCHDOG_USEC (for this process), sends
/// WATCHDOG=1 every half interval, but only while <see cref="FlightHealth.IsHealthy"/>. A stalled control tick or
/// a stuck host loop stops the pings and systemd restarts the service (Restart=on-failure). Does nothing when there is
/// no watchdog or no notify socket.
/// </summary>
public sealed class SystemdWatchdog : BackgroundService
{
    private static readonly ServiceState Ping = new("WATCHDOG=1");

    private readonly ISystemdNotifier _notifier;
    private readonly WatchdogSettings? _settings;
    private readonly FlightHealth _health;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private PeriodicTimer? _timer;
    private long _pings;
    private long _withheld;

    public SystemdWatchdog(ISystemdNotifier notifier, WatchdogSettings? settings, FlightHealth health, TimeProvider time, ILogger<SystemdWatchdog> logger)
    {
        ArgumentNullException.ThrowIfNull(notifier);
        ArgumentNullException.ThrowIfNull(health);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _notifier = notifier;
        _settings = settings;
        _health = health;
        _time = time;
        _logger = logger;
    }

    /// <summary>WATCHDOG=1 messages sent.</summary>
    public long Pings => Interlocked.Read(ref _pings);

    /// <summary>Ping periods skipped because the service was not healthy.</summary>
    public long Withheld => Interlocked.Read(ref _withheld);

    /// <summary>True when systemd asked for a watchdog and a notify socket exists.</summary>
    public bool Enabled => _settings is not null && _notifier.IsEnabled;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // The period starts now, not when the background task first runs (ExecuteAsync runs on the thread pool).
        if (Enabled)
        {
            _timer = new PeriodicTimer(_settings!.PingPeriod, _time);
            _logger.WatchdogStarted(_settings.Interval.TotalSeconds, _settings.PingPeriod.TotalSeconds);
        }

        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_timer is not { } timer)
        {
            return;
        }

        bool healthy = true;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                if (_health.IsHealthy)
                {
                    _notifier.Notify(Ping);
                    Interlocked.Increment(ref _pings);
                    if (!healthy)
                    {
                        _logger.WatchdogResumed();
                    }

                    healthy = true;
                }
                else
                {
                    Interlocked.Increment(ref _withheld);
                    if (healthy)
                    {
                        _logger.WatchdogWithheld(_health.InFlight ? "the control tick is not healthy" : "the host loop has not reported");
                    }

                    healthy = false;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the pings end with the service.
        }
    }
}
