using DroneLiquid.FirmwareBridge;
using DroneLiquid.Flight.Control;
using DroneLiquid.Liquid.Policies;
using DroneLiquid.Service.Host.Metrics;
using DroneLiquid.Service.Host.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DroneLiquid.Service.Host;

/// <summary>
/// `droneliquid run`'s worker: one flight per service start, through <see cref="FlightRunner"/>, then the host
/// stops. A graceful stop (SIGTERM, Ctrl-C) runs in ApplicationStopping, ahead of systemd's STOPPING=1 (callbacks
/// run newest first and this one is registered after the systemd lifetime's): the session's stop action, then the
/// end of streaming, within <see cref="StopOptions.Timeout"/>.
/// </summary>
public sealed class FlightWorker : BackgroundService
{
    private readonly DroneLiquidOptions _options;
    private readonly FlightRunContext _context;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<FlightWorker> _logger;
    private readonly CancellationTokenSource _flightStop = new();
    private Task? _flight;
    private CancellationTokenRegistration _stopping;

    /// <param name="started">Called with the session before it flies (tests reach its tick count through it).</param>
    public FlightWorker(IOptions<DroneLiquidOptions> options, TimeProvider time, ILoggerFactory loggers, FlightMetrics metrics, LinkMetrics linkMetrics,
        FlightHealth health, IHostApplicationLifetime lifetime, Action<FlightSession>? started = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(lifetime);
        _options = options.Value;
        _lifetime = lifetime;
        _logger = loggers.CreateLogger<FlightWorker>();
        _context = new FlightRunContext(time, loggers, metrics, linkMetrics, health, Started: started);
    }

    /// <summary>The flight's result once it ended; null before, or when it could not start.</summary>
    public FlightRunResult? Result { get; private set; }

    /// <summary>Why the flight could not start (bad policy, no autopilot); null otherwise.</summary>
    public string? StartProblem { get; private set; }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _stopping = _lifetime.ApplicationStopping.Register(StopFlight);
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _stopping.Dispose();
        _flightStop.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _flight = FlyAsync();
        await _flight.ConfigureAwait(false);
        _lifetime.StopApplication();
    }

    private async Task FlyAsync()
    {
        try
        {
            Result = await FlightRunner.FlyAsync(_options, _context, _flightStop.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is PolicyFormatException or AutopilotException or IOException or InvalidDataException or ArgumentException)
        {
            StartProblem = ex.Message;
            _logger.FlightFailedToStart(ex.Message);
        }
        catch (OperationCanceledException) when (_flightStop.IsCancellationRequested)
        {
            StartProblem = "stopped before the flight began";
        }
    }

    /// <summary>ApplicationStopping: cancel the flight (the session commands the stop action) and wait for it, bounded.</summary>
    private void StopFlight()
    {
        _flightStop.Cancel();
        if (_flight is { } flight && !flight.Wait(_options.Stop.Timeout))
        {
            _logger.LogWarning("the flight did not stop within {Timeout}; the autopilot's own link-loss failsafe takes over", _options.Stop.Timeout);
        }
    }
}
