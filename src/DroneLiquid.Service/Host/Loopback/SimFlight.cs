using System.Net;
using System.Net.Sockets;
using DroneLiquid.Flight.Control;
using DroneLiquid.Flight.Failsafe;
using DroneLiquid.Mavlink.Transports;
using DroneLiquid.Service.Host.Options;
using DroneLiquid.Sim.Autopilot;
using DroneLiquid.Sim.Autopilot.CameraStream;
using DroneLiquid.Sim.Autopilot.Sitl;
using DroneLiquid.Sim.Camera;
using DroneLiquid.Sim.Records;
using DroneLiquid.Sim.Scenarios;
using DroneLiquid.Sim.Simulation;
using DroneLiquid.Sim.Vehicle;
using Microsoft.Extensions.Logging;

namespace DroneLiquid.Service.Host.Loopback;

/// <summary>
/// `droneliquid fly --sim`: the built-in autopilot emulator (the one `droneliquid sim --autopilot` serves) on
/// loopback, and the same composition as `droneliquid run` (<see cref="FlightRunner"/>) against it over real UDP
/// (PX4) or TCP (ArduPilot) MAVLink. The service runs on the simulation's clock, so ticks, timeouts and elapsed
/// times are simulated seconds at any speed-up. Vision policies read the simulator's camera stream over TCP.
/// Afterwards the simulator's own record (sim.jsonl) and plot (flight.png) go into the flight folder beside the
/// service's tick log and tlog.
/// </summary>
public static class SimFlight
{
    private const double CameraRateHz = 30;

    /// <param name="started">Called when the session exists and the emulator runs (tests inject events through it).</param>
    public static async Task<SimFlightResult> RunAsync(SimFlightOptions options, ILoggerFactory loggers, Action<FlightProgress>? progress = null,
        Action<AutopilotEmulator, FlightSession>? started = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        long wallStart = TimeProvider.System.GetTimestamp();
        Scenario scenario = SitlScenario.Create(options.World, options.Seed, options.TimeLimit.TotalSeconds + 600) with { Events = options.Events };
        var world = new SimWorld(scenario, new SimWorldOptions { StopOnEpisodeEnd = false });
        int px4Port = options.Autopilot == AutopilotKind.Px4 ? FreeUdpPort() : AutopilotEmulatorFactory.Px4PeerPort;
        ITransport emulatorTransport = AutopilotEmulatorFactory.CreateTransport(options.Autopilot, listenPort: 0, px4PeerPort: px4Port, bind: IPAddress.Loopback);
        await using AutopilotEmulator emulator = AutopilotEmulatorFactory.Create(options.Autopilot, world, emulatorTransport, options.Emulator);
        await emulator.StartAsync(cancellationToken).ConfigureAwait(false);
        string connection = options.Autopilot == AutopilotKind.Px4
            ? $"udpin://127.0.0.1:{px4Port}"
            : $"tcpout://127.0.0.1:{((TcpServerTransport)emulator.Link.Inner).LocalEndPoint!.Port}";

        CameraSpec cameraSpec = scenario.Camera ?? CameraSpec.Default;
        await using var camera = new CameraStreamServer(new ForwardCamera(cameraSpec, world.World), new IPEndPoint(IPAddress.Loopback, 0));
        camera.Start();
        DroneLiquidOptions service = ServiceOptions(options, scenario, connection, camera.LocalEndPoint!.Port, cameraSpec);

        var clock = new LockstepClock(world.Clock, service.Control.Period);
        using var simStop = new CancellationTokenSource();
        double nextFrame = 0;
        LinkTap? tap = null;
        Task pacer = SimPacer.RunAsync(emulator, options.Speed, () => Volatile.Read(ref tap)?.Idle ?? true, e =>
        {
            if (e.World.ElapsedSeconds >= nextFrame)
            {
                nextFrame += 1.0 / CameraRateHz;
                ref readonly QuadrotorState s = ref e.World.Vehicle.State;
                camera.Publish(e.World.ElapsedSeconds, s.PositionNed, s.AttitudeFrdToNed);
            }

            clock.WaitForTicks(options.LockstepBudget);
        }, simStop.Token);

        using var metrics = new FlightMetrics();
        var context = new FlightRunContext(clock, loggers, metrics,
            Progress: progress,
            CameraFactory: _ => new SimStreamCameraSource("127.0.0.1", service.Sensors.Camera.SimStream.Port, cameraSpec.WidthPixels, cameraSpec.HeightPixels,
                service.Sensors.Camera.SimStream.StaleAfter, clock),
            Started: session =>
            {
                clock.Follow(() => session.TicksCompleted);
                started?.Invoke(emulator, session);
            },
            WrapAutopilot: options.WrapAutopilot,
            WrapTransport: t =>
            {
                var watched = new LinkTap(t, () => emulator.Link.Counters.BytesSent);
                Volatile.Write(ref tap, watched);
                return watched;
            });
        FlightRunResult run;
        try
        {
            run = await FlightRunner.FlyAsync(service, context, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await simStop.CancelAsync().ConfigureAwait(false);
            await pacer.ConfigureAwait(false);
        }

        world.Recorder.WriteJsonLines(Path.Combine(run.RecordFolder, "sim.jsonl"));
        FlightPlotter.SavePng(Path.Combine(run.RecordFolder, "flight.png"), world.World, world.Recorder, scenario.SuccessRadiusMetres);
        FlightSummary sim = world.Summary();
        FlightOutcome o = run.Outcome;
        // The service's success (target reached, landed) counts only if the simulator saw no collision on the way.
        return new SimFlightResult(
            o.Success && !sim.Crash,
            o.FinalState.ToString(),
            o.Reason,
            Math.Round(o.Duration.TotalSeconds, 2),
            Math.Round(o.DistanceFlownMetres, 2),
            Math.Round(o.ClosestToTargetMetres, 2),
            Math.Round(sim.MinClearanceM, 2),
            sim.Crash,
            o.EnvelopeInterventions,
            [.. o.Failsafes.Select(Describe)],
            o.Ticks,
            o.SetpointsSent,
            o.DeadlineMisses,
            options.Autopilot.ToString().ToLowerInvariant(),
            options.World.ToString().ToLowerInvariant(),
            options.Seed,
            options.Speed,
            Math.Round(TimeProvider.System.GetElapsedTime(wallStart).TotalSeconds, 2),
            run.RecordFolder);
    }

    private static string Describe(FailsafeTransition t) => $"{t.At.TotalSeconds:0.00} s {t.From} -> {t.To}: {t.Reason}";

    private static DroneLiquidOptions ServiceOptions(SimFlightOptions options, Scenario scenario, string connection, int cameraPort, CameraSpec cameraSpec)
    {
        var service = new DroneLiquidOptions();
        service.Autopilot.Connection = connection;
        service.Policy.Path = Path.GetFullPath(options.PolicyPath);
        service.Mission.TargetNorthMetres = scenario.TargetNed.X;
        service.Mission.TargetEastMetres = scenario.TargetNed.Y;
        service.Mission.AltitudeMetres = -scenario.TargetNed.Z;
        service.Mission.TargetRadiusMetres = scenario.SuccessRadiusMetres;
        service.Mission.TimeLimit = options.TimeLimit;
        service.Recorder.Directory = Path.GetFullPath(options.RecordDirectory);
        service.Sensors.Camera.Source = CameraSourceKind.SimStream;
        service.Sensors.Camera.SimStream.Port = cameraPort;
        service.Sensors.Camera.SimStream.Width = cameraSpec.WidthPixels;
        service.Sensors.Camera.SimStream.Height = cameraSpec.HeightPixels;
        service.Stop.Action = StopAction.Land;
        options.Configure?.Invoke(service);
        service.Failsafe.MissionTimeLimit = service.Mission.TimeLimit;
        service.Control.StopAction = service.Stop.Action;
        List<string> problems = DroneLiquidOptionsValidator.Collect(service);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, problems));
        }

        return service;
    }

    /// <summary>A UDP port free on loopback now, for the PX4 onboard link (the emulator streams to it, the service listens on it).</summary>
    internal static int FreeUdpPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
