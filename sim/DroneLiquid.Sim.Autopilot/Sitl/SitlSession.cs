using System.Net;
using DroneLiquid.Sim.Autopilot.CameraStream;
using DroneLiquid.Sim.Camera;
using DroneLiquid.Sim.Records;
using DroneLiquid.Sim.Scenarios;
using DroneLiquid.Sim.Simulation;

namespace DroneLiquid.Sim.Autopilot.Sitl;

/// <summary>
/// `droneliquid sim`: the simulator as a SITL. Serves MAVLink where the real SITL does, streams camera frames, runs
/// until cancelled or the episode ends (time limit, crash, target reached), then writes the flight record and plot.
/// </summary>
public static class SitlSession
{
    public static async Task<SitlResult> RunAsync(SitlOptions options, TimeProvider wallClock, Action<string>? report = null, CancellationToken cancellationToken = default)
    {
        options.Validate();
        var world = new SimWorld(options.Scenario);
        var transport = AutopilotEmulatorFactory.CreateTransport(options.Autopilot, options.ListenPort, options.Px4PeerPort, options.Bind);
        await using AutopilotEmulator emulator = AutopilotEmulatorFactory.Create(options.Autopilot, world, transport, options.Emulator);
        await emulator.StartAsync(cancellationToken).ConfigureAwait(false);
        report?.Invoke($"{options.Autopilot} emulator serving MAVLink on {Describe(options)}");

        CameraStreamServer? camera = null;
        if (options.CameraPort >= 0)
        {
            var forward = new ForwardCamera(options.Scenario.Camera ?? CameraSpec.Default, world.World);
            camera = new CameraStreamServer(forward, new IPEndPoint(IPAddress.Loopback, options.CameraPort));
            camera.Start();
            report?.Invoke($"camera stream on tcp://{camera.LocalEndPoint} ({forward.Spec.WidthPixels}x{forward.Spec.HeightPixels} RGB24, {options.CameraRateHz:0.#} Hz)");
        }

        try
        {
            double cameraPeriod = 1.0 / options.CameraRateHz;
            double nextFrame = 0;
            EmulatorRunResult run = await EmulatorLoop.RunAsync(emulator, options.Speed, wallClock, cancellationToken: cancellationToken, afterStep: e =>
            {
                if (camera is not null && e.World.ElapsedSeconds >= nextFrame)
                {
                    nextFrame += cameraPeriod;
                    ref readonly Vehicle.QuadrotorState s = ref e.World.Vehicle.State;
                    camera.Publish(e.World.ElapsedSeconds, s.PositionNed, s.AttitudeFrdToNed);
                }
            }, maxLagSeconds: options.MaxCatchUpSeconds).ConfigureAwait(false);

            FlightSummary summary = world.Summary();
            if (options.OutputFolder is { } folder)
            {
                Directory.CreateDirectory(folder);
                world.Recorder.WriteJsonLines(Path.Combine(folder, "flight.jsonl"));
                FlightPlotter.SavePng(Path.Combine(folder, "flight.png"), world.World, world.Recorder, options.Scenario.SuccessRadiusMetres);
                File.WriteAllText(Path.Combine(folder, "summary.json"), summary.ToJson() + "\n");
            }

            return new SitlResult(options.Autopilot.ToString().ToLowerInvariant(), summary, Math.Round(run.SimSeconds, 3), Math.Round(run.WallSeconds, 3),
                Math.Round(run.SpeedUp, 2), emulator.Connection.FramesSent, emulator.AcceptedSetpoints, emulator.RejectedSetpoints, camera?.FramesPublished ?? 0,
                run.Stalls, Math.Round(run.PausedWallSeconds, 3));
        }
        finally
        {
            if (camera is not null)
            {
                await camera.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static string Describe(SitlOptions o) => o.Autopilot == AutopilotKind.Px4
        ? $"UDP {o.Bind}:{(o.ListenPort < 0 ? AutopilotEmulatorFactory.Px4ListenPort : o.ListenPort)}, streaming to 127.0.0.1:{o.Px4PeerPort}"
        : $"TCP {o.Bind}:{(o.ListenPort < 0 ? AutopilotEmulatorFactory.ArduPilotTcpPort : o.ListenPort)}";
}
