using DroneLiquid.Flight.Control;
using DroneLiquid.Service.Host.Metrics;
using DroneLiquid.Service.Host.Options;
using DroneLiquid.Service.Host.Systemd;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DroneLiquid.Service.Host;

/// <summary>
/// The Generic Host of `droneliquid run`: configuration (given), options validated on start, systemd integration
/// (READY=1, STOPPING=1, journal log format under systemd) with the health-gated watchdog, metrics on the
/// DroneLiquid.Flight and DroneLiquid.Mavlink meters, and the flight worker.
/// </summary>
public static class FlightHost
{
    /// <param name="time">The service clock (default the system's; tests give the simulation's).</param>
    /// <param name="started">Called with the session before it flies (tests lockstep the simulation with its ticks).</param>
    public static IHost Build(IConfiguration configuration, string baseDirectory, TimeProvider? time = null, Action<FlightSession>? started = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = baseDirectory, ApplicationName = "droneliquid" });
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.AddConfiguration(configuration.GetSection("Logging"));
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddSystemd();
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NOTIFY_SOCKET")))
        {
            // AddSystemd only recognises a service systemd started itself; a NOTIFY_SOCKET handed down otherwise (a
            // container, a wrapper) still expects READY=1 and STOPPING=1.
            builder.Services.AddSingleton<IHostLifetime, SystemdLifetime>();
        }

        builder.Services.AddMetrics();
        builder.Services.AddDroneLiquidOptions(configuration, baseDirectory);
        builder.Services.AddSingleton(time ?? TimeProvider.System);
        builder.Services.AddSingleton(sp => new FlightMetrics(sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()));
        builder.Services.AddSingleton(sp => new LinkMetrics(sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()));
        builder.Services.AddSingleton(sp => new FlightHealth(sp.GetRequiredService<TimeProvider>(), TimeSpan.FromSeconds(2)));
        builder.Services.AddSingleton(_ => WatchdogSettings.FromEnvironment(Environment.GetEnvironmentVariable, Environment.ProcessId) ?? Disabled);
        builder.Services.AddSingleton<ISystemdNotifier>(_ => new SystemdNotifier());
        builder.Services.AddHostedService(sp => new SystemdWatchdog(sp.GetRequiredService<ISystemdNotifier>(),
            sp.GetRequiredService<WatchdogSettings>() is { } w && w != Disabled ? w : null,
            sp.GetRequiredService<FlightHealth>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SystemdWatchdog>>()));
        builder.Services.AddSingleton(sp => new FlightWorker(sp.GetRequiredService<IOptions<DroneLiquidOptions>>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>(), sp.GetRequiredService<FlightMetrics>(), sp.GetRequiredService<LinkMetrics>(),
            sp.GetRequiredService<FlightHealth>(), sp.GetRequiredService<IHostApplicationLifetime>(), started));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<FlightWorker>());
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout(configuration));
        return builder.Build();
    }

    /// <summary>
    /// The stop action's own timeout plus a margin for the link and the recorder to close. Read straight from the
    /// configuration: a bad value must not fail the host here, before ValidateOnStart reports it with the others.
    /// </summary>
    private static TimeSpan ShutdownTimeout(IConfiguration configuration)
    {
        var stop = new StopOptions();
        if (ServiceConfiguration.CheckShape(configuration).Count == 0)
        {
            configuration.GetSection($"{DroneLiquidOptions.Section}:Stop").Bind(stop);
        }

        TimeSpan timeout = stop.Timeout >= TimeSpan.FromSeconds(1) && stop.Timeout <= TimeSpan.FromSeconds(60) ? stop.Timeout : StopOptions.DefaultTimeout;
        return timeout + TimeSpan.FromSeconds(5);
    }

    private static readonly WatchdogSettings Disabled = new(TimeSpan.Zero);
}
