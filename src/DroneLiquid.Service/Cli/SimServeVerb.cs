using System.CommandLine;
using System.Globalization;
using DroneLiquid.Sim.Autopilot;
using DroneLiquid.Sim.Autopilot.Sitl;
using DroneLiquid.Sim.Scenarios;
using DroneLiquid.Sim.Worlds;

namespace DroneLiquid.Service.Cli;

/// <summary>
/// `droneliquid sim --autopilot px4|ardupilot --world forest|urban|empty --seed N [--speed X] [--scenario file]
/// [--duration s] [--port P] [--camera-port P] [--out folder] [--json]`: the simulator behind an emulated PX4
/// (UDP 14580, streaming to 14540) or ArduPilot Copter (TCP 5760), with camera frames on a local TCP stream. Runs
/// until Ctrl-C or the episode ends, then writes flight.jsonl, flight.png and summary.json and prints the summary.
/// Exit 0 when the run ended without a crash, 1 on a crash, 2 for bad input.
/// </summary>
internal static class SimServeVerb
{
    public static void Configure(Command sim)
    {
        var autopilot = new Option<string?>("--autopilot") { Description = "Autopilot to emulate: px4 (UDP 14580 -> 14540) or ardupilot (TCP 5760)." };
        var world = new Option<string?>("--world") { Description = "World to generate: forest, urban or empty (or give --scenario)." };
        var seed = new Option<ulong>("--seed") { Description = "World seed.", DefaultValueFactory = _ => 7UL };
        var speed = new Option<double>("--speed") { Description = "Simulated seconds per wall second (1 = real time; up to 1000).", DefaultValueFactory = _ => 1.0 };
        var scenario = new Option<FileInfo?>("--scenario") { Description = "Scenario JSON file (world, seed, start, target, wind, events, time limit)." };
        var duration = new Option<double?>("--duration") { Description = "Simulated seconds to run (default: the scenario's time limit, or 3600)." };
        var port = new Option<int>("--port") { Description = "MAVLink port to serve on (default: the real SITL's).", DefaultValueFactory = _ => -1 };
        var cameraPort = new Option<int>("--camera-port") { Description = "Camera stream TCP port on 127.0.0.1 (-1: no camera).", DefaultValueFactory = _ => 5599 };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Folder for flight.jsonl, flight.png and summary.json (default flights/sitl-<autopilot>-<world>-<seed>)." };
        var json = new Option<bool>("--json") { Description = "Print the summary as one JSON object on stdout." };
        foreach (Option option in new Option[] { autopilot, world, seed, speed, scenario, duration, port, cameraPort, output, json })
        {
            sim.Options.Add(option);
        }

        sim.SetAction(async (parse, cancellationToken) =>
        {
            SitlOptions options = BuildOptions(parse.GetValue(autopilot), parse.GetValue(world), parse.GetValue(seed), parse.GetValue(speed),
                parse.GetValue(scenario), parse.GetValue(duration), parse.GetValue(port), parse.GetValue(cameraPort), parse.GetValue(output));
            SitlResult result;
            try
            {
                result = await SitlSession.RunAsync(options, TimeProvider.System, line => Console.Error.WriteLine(line), cancellationToken);
            }
            catch (System.Net.Sockets.SocketException ex)
            {
                throw new BadInputException($"cannot serve on the requested port ({ex.SocketErrorCode}): {ex.Message}; pick another with --port / --camera-port", ex);
            }

            if (parse.GetValue(json))
            {
                JsonOutput.WriteLine(result);
            }

            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.Flight.Outcome}{(result.Flight.CrashReason is null ? string.Empty : $" ({result.Flight.CrashReason})")}: {result.SimSeconds:0.#} s simulated in {result.WallSeconds:0.#} s ({result.SpeedUp:0.#}x), path {result.Flight.PathLengthM:0.#} m, min clearance {result.Flight.MinClearanceM:0.##} m, {result.CameraFrames} camera frames"));
            if (result.Stalls > 0)
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"warning: the simulation stalled {result.Stalls} time(s) more than {options.MaxCatchUpSeconds:0.###} s behind the wall clock; simulated time paused for {result.PausedSeconds:0.###} s in all instead of catching up"));
            }

            if (options.OutputFolder is not null)
            {
                Console.Error.WriteLine($"wrote {Path.Combine(options.OutputFolder, "flight.jsonl")}, flight.png, summary.json");
            }

            return result.Flight.Crash ? ExitCodes.CheckFailed : ExitCodes.Success;
        });
    }

    internal static SitlOptions BuildOptions(string? autopilotText, string? worldText, ulong seed, double speed, FileInfo? scenarioFile,
        double? durationSeconds, int port, int cameraPort, DirectoryInfo? output)
    {
        if (autopilotText is null)
        {
            throw new BadInputException("sim: --autopilot is required to serve (px4 or ardupilot); or use 'sim run' / 'sim bench'");
        }

        if (!AutopilotEmulatorFactory.TryParseKind(autopilotText, out AutopilotKind kind))
        {
            throw new BadInputException($"--autopilot: expected px4 or ardupilot, got '{autopilotText}'");
        }

        if (!double.IsFinite(speed) || speed < 0.1 || speed > 1000)
        {
            throw new BadInputException($"--speed: expected a factor in [0.1, 1000], got {speed.ToString(CultureInfo.InvariantCulture)}");
        }

        if (durationSeconds is { } d && (!double.IsFinite(d) || d <= 0 || d > 86_400))
        {
            throw new BadInputException($"--duration: expected simulated seconds in (0, 86400], got {d.ToString(CultureInfo.InvariantCulture)}");
        }

        if (port is < -1 or > 65535 || cameraPort is < -1 or > 65535)
        {
            throw new BadInputException($"--port/--camera-port: expected 0..65535 (or -1), got {port} and {cameraPort}");
        }

        Scenario scenario;
        if (scenarioFile is not null)
        {
            try
            {
                scenario = ScenarioLoader.LoadFile(scenarioFile.FullName);
            }
            catch (ScenarioException ex)
            {
                throw new BadInputException(ex.Message, ex);
            }

            if (durationSeconds is { } limit)
            {
                scenario = scenario with { TimeLimitSeconds = limit };
            }
        }
        else
        {
            if (worldText is null)
            {
                throw new BadInputException($"--world: required without --scenario; expected one of {string.Join(", ", ScenarioLoader.WorldKinds)}");
            }

            scenario = SitlScenario.Create(ParseWorld(worldText), seed, durationSeconds ?? 3600);
        }

        string folder = output?.FullName ?? Path.Combine("flights", $"sitl-{kind.ToString().ToLowerInvariant()}-{scenario.World.ToString().ToLowerInvariant()}-{scenario.Seed}");
        return new SitlOptions
        {
            Autopilot = kind,
            Scenario = scenario,
            Speed = speed,
            ListenPort = port,
            CameraPort = cameraPort,
            OutputFolder = folder,
        };
    }

    /// <summary>Parses forest, urban or empty; anything else is bad input naming --world.</summary>
    internal static WorldKind ParseWorld(string text) => text.Trim().ToLowerInvariant() switch
    {
        "forest" => WorldKind.Forest,
        "urban" => WorldKind.Urban,
        "empty" => WorldKind.Empty,
        _ => throw new BadInputException($"--world: expected one of {string.Join(", ", ScenarioLoader.WorldKinds)}, got '{text}'"),
    };
}
