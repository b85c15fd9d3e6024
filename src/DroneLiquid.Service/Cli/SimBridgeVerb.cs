using System.CommandLine;
using System.Globalization;
using DroneLiquid.Mavlink.Transports;
using DroneLiquid.Sim.Autopilot.Bridge;
using DroneLiquid.Sim.Autopilot.Sitl;
using DroneLiquid.Sim.Scenarios;
using DroneLiquid.Sim.Worlds;

namespace DroneLiquid.Service.Cli;

/// <summary>
/// `droneliquid sim bridge --autopilot tcpout://127.0.0.1:5760 --world urban [--seed N] [--camera-port P]
/// [--rate Hz] [--duration s] [--json]`: follows an external vehicle's pose from its MAVLink telemetry, renders the
/// camera in the generated world, detects collisions and serves the camera stream. Exit 0 without a collision,
/// 1 after one (or when no autopilot answered), 2 for bad input.
/// </summary>
internal static class SimBridgeVerb
{
    public static Command Create()
    {
        var autopilot = new Option<string>("--autopilot") { Description = "Connection string of the vehicle, e.g. tcpout://127.0.0.1:5760 (ArduPilot SITL) or udpin://0.0.0.0:14540 (PX4).", Required = true };
        var world = new Option<string>("--world") { Description = "World to render: forest, urban or empty.", DefaultValueFactory = _ => "urban" };
        var seed = new Option<ulong>("--seed") { Description = "World seed.", DefaultValueFactory = _ => 7UL };
        var cameraPort = new Option<int>("--camera-port") { Description = "Camera stream TCP port on 127.0.0.1.", DefaultValueFactory = _ => 5599 };
        var rate = new Option<double>("--rate") { Description = "Camera frames per second (1..200).", DefaultValueFactory = _ => 30 };
        var duration = new Option<double>("--duration") { Description = "Wall seconds to run (default: until Ctrl-C).", DefaultValueFactory = _ => double.PositiveInfinity };
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON object on stdout." };
        var command = new Command("bridge", "Render the camera for an external PX4/ArduPilot SITL from its MAVLink pose and serve the camera stream.");
        foreach (Option option in new Option[] { autopilot, world, seed, cameraPort, rate, duration, json })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            string connection = parse.GetValue(autopilot)!;
            if (!ConnectionString.TryParse(connection, out _, out string? error))
            {
                throw new BadInputException($"--autopilot: {error}");
            }

            WorldKind kind = SimServeVerb.ParseWorld(parse.GetValue(world)!);
            double hz = parse.GetValue(rate);
            double seconds = parse.GetValue(duration);
            int port = parse.GetValue(cameraPort);
            if (!double.IsFinite(hz) || hz < 1 || hz > 200)
            {
                throw new BadInputException($"--rate: expected 1..200 frames per second, got {hz.ToString(CultureInfo.InvariantCulture)}");
            }

            if (double.IsNaN(seconds) || seconds <= 0)
            {
                throw new BadInputException($"--duration: expected a positive number of seconds, got {seconds.ToString(CultureInfo.InvariantCulture)}");
            }

            if (port is < 0 or > 65535)
            {
                throw new BadInputException($"--camera-port: expected 0..65535, got {port}");
            }

            Scenario scenario = SitlScenario.Create(kind, parse.GetValue(seed), 3600);
            await using var bridge = new SitlBridge(connection, scenario, port);
            var vehicle = await bridge.StartAsync(TimeSpan.FromSeconds(10), cancellationToken);
            if (vehicle is null)
            {
                Console.Error.WriteLine($"no autopilot HEARTBEAT on {connection} within 10 s");
                return ExitCodes.CheckFailed;
            }

            Console.Error.WriteLine($"following {vehicle.Value.Autopilot} system {vehicle.Value.SystemId} on {connection}; camera stream on tcp://{bridge.CameraEndPoint}");
            TimeSpan runFor = double.IsPositiveInfinity(seconds) ? TimeSpan.MaxValue : TimeSpan.FromSeconds(seconds);
            BridgeResult result = await bridge.RunAsync(vehicle.Value.Autopilot.ToString().ToLowerInvariant(), hz, runFor, TimeProvider.System, cancellationToken);
            if (parse.GetValue(json))
            {
                JsonOutput.WriteLine(result);
            }

            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.PoseUpdates} poses, {result.CameraFrames} frames in {result.WallSeconds:0.#} s; {(result.Collided ? result.CollisionDetail : "no collision")}"));
            return result.Collided ? ExitCodes.CheckFailed : ExitCodes.Success;
        });
        return command;
    }
}
