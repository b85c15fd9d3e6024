using DroneLiquid.FirmwareBridge;
using DroneLiquid.Flight.Control;
using DroneLiquid.Flight.Frames;
using DroneLiquid.Flight.Observations;
using DroneLiquid.Flight.Policies;
using DroneLiquid.Flight.Recorder;
using DroneLiquid.Mavlink;
using DroneLiquid.Mavlink.Connection;
using DroneLiquid.Mavlink.Transports;
using DroneLiquid.Sensors.Camera;
using DroneLiquid.Sensors.Camera.V4l2;
using DroneLiquid.Service.Host.Options;
using DroneLiquid.Sim.Autopilot.CameraStream;
using Microsoft.Extensions.Logging;
using BridgeOptions = DroneLiquid.FirmwareBridge.AutopilotOptions;

namespace DroneLiquid.Service.Host;

/// <summary>
/// One flight, composed the same way for `droneliquid run` and `droneliquid fly --sim`: open the policy (and the
/// camera if it is a vision policy), start the recorder, connect the MAVLink link (every frame both ways into the
/// flight's tlog), find the autopilot and its firmware from the HEARTBEAT, then fly a <see cref="FlightSession"/>
/// until it ends in a defined state. Cancelling is the graceful stop: the session commands the stop action, then
/// the adapter and the link close (streaming ends), in that order.
/// </summary>
public static class FlightRunner
{
    private static readonly TimeSpan HostBeat = TimeSpan.FromMilliseconds(250);

    /// <exception cref="Liquid.Policies.PolicyFormatException">The policy folder does not open.</exception>
    /// <exception cref="AutopilotException">No autopilot answered, or it is not the configured firmware.</exception>
    public static async Task<FlightRunResult> FlyAsync(DroneLiquidOptions options, FlightRunContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        ILogger logger = context.Loggers.CreateLogger("DroneLiquid.Service.Flight");
        using var beat = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task beating = BeatAsync(context, beat.Token);
        using FlightPolicy policy = FlightPolicy.Open(options.Policy.Path);
        Warm(policy);
        using ICameraSource? camera = policy.IsVision ? (context.CameraFactory?.Invoke(policy) ?? CreateCamera(options.Sensors.Camera, context)) : null;
        camera?.Start();
        var layout = new TickLogLayout(
            [.. policy.Document.Observations.Select(o => $"{o.Name}[{o.Unit}]")],
            [.. policy.Document.Actions.Select(a => $"{a.Name}[{a.Unit}]")],
            policy.Features.Length);
        using var recorder = new FlightRecorder(options.Recorder, layout, context.Time);
        logger.FlightRecording(recorder.FolderPath);

        ITransport link = TransportFactory.Create(options.Autopilot.Connection, null, context.Time, logger);
        var transport = new RecordingTransport(context.WrapTransport?.Invoke(link) ?? link, recorder);
        await using var connection = new MavlinkConnection(transport, new MavlinkConnectionOptions
        {
            SystemId = (byte)options.Autopilot.SystemId,
            ComponentId = (byte)options.Autopilot.ComponentId,
            SigningKey = string.IsNullOrEmpty(options.Autopilot.SigningKeyFile) ? null : MavlinkSigningKey.LoadFromFile(options.Autopilot.SigningKeyFile),
        }, context.Time, logger);
        connection.AddRawFrameHandler((in MavlinkFrame frame, MavlinkFrameVerdict _) => recorder.RecordMavlink(frame.Bytes));
        await connection.StartAsync(cancellationToken).ConfigureAwait(false);
        context.LinkMetrics?.Attach(connection);
        try
        {
            await using AutopilotAdapter autopilot = await AutopilotConnector.ConnectAsync(connection,
                new BridgeOptions { TelemetryRateHz = options.Autopilot.TelemetryRateHz }, logger, cancellationToken).ConfigureAwait(false);
            RefuseOtherFirmware(options.Autopilot.Firmware, autopilot, connection);
            var plan = new FlightPlan(
                new PositionNed(options.Mission.TargetNorthMetres, options.Mission.TargetEastMetres, -options.Mission.AltitudeMetres),
                options.Mission.AltitudeMetres, options.Mission.TargetRadiusMetres, options.Mission.TimeLimit);
            IAutopilot flown = context.WrapAutopilot?.Invoke(autopilot) ?? autopilot;
            await using var session = new FlightSession(flown, policy, camera, plan, options.Control, options.Envelope, options.Failsafe,
                recorder, context.Metrics, context.Time, context.Loggers.CreateLogger<FlightSession>());
            if (context.Progress is { } progress)
            {
                session.Progress += progress;
            }

            context.Started?.Invoke(session);
            context.Health?.AttachSession(() => session.TickHealthy);
            await beat.CancelAsync().ConfigureAwait(false);
            FlightOutcome outcome;
            try
            {
                outcome = await session.RunAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                context.Health?.DetachSession();
            }

            logger.FlightEnded(outcome.FinalState.ToString(), outcome.Success, outcome.Reason);
            return new FlightRunResult(outcome, autopilot.Firmware, recorder.FolderPath);
        }
        finally
        {
            // The adapter (disposed above) has stopped streaming; now the link closes and the record is flushed.
            context.LinkMetrics?.Detach();
            await beat.CancelAsync().ConfigureAwait(false);
            await beating.ConfigureAwait(false);
            camera?.Stop();
        }
    }

    /// <summary>
    /// One step on a neutral snapshot, then a reset: the step path is compiled and (for a vision policy) ONNX
    /// Runtime has made its slow first run before the first tick, so that tick is not mistaken for a stall.
    /// </summary>
    private static void Warm(FlightPolicy policy)
    {
        var hover = new FlightSnapshot(new PositionNed(0f, 0f, -3f), default, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, -9.81f, new PositionNed(5f, 0f, -3f));
        _ = policy.TryStep(in hover, 0.02f, out _);
        policy.Reset();
    }

    private static void RefuseOtherFirmware(FirmwareSelection wanted, AutopilotAdapter autopilot, MavlinkConnection connection)
    {
        FirmwareKind? expected = wanted switch
        {
            FirmwareSelection.Px4 => FirmwareKind.Px4,
            FirmwareSelection.ArduPilot => FirmwareKind.ArduPilot,
            _ => null,
        };
        if (expected is { } kind && autopilot.Firmware != kind)
        {
            throw new AutopilotException($"connect: {DroneLiquidOptions.Section}:Autopilot:Firmware is {wanted}, but the autopilot on {connection.Transport.Name} reports {autopilot.Firmware}; set Firmware to Auto or {autopilot.Firmware}");
        }
    }

    private static ICameraSource CreateCamera(CameraOptions camera, FlightRunContext context) => camera.Source switch
    {
        CameraSourceKind.SimStream => new SimStreamCameraSource(camera.SimStream.Host, camera.SimStream.Port, camera.SimStream.Width, camera.SimStream.Height, camera.SimStream.StaleAfter, context.Time),
        _ => new V4l2CameraSource(camera.V4l2, context.Time, context.Loggers.CreateLogger<V4l2CameraSource>()),
    };

    /// <summary>Before the session flies (connecting, finding the autopilot), the host loop tells the watchdog it is alive.</summary>
    private static async Task BeatAsync(FlightRunContext context, CancellationToken cancellationToken)
    {
        if (context.Health is not { } health)
        {
            return;
        }

        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                health.HostLoopAlive();
                await Task.Delay(HostBeat, context.Time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The session took over (or the flight was cancelled).
        }
    }
}
