using System.CommandLine;
using System.Globalization;
using DroneLiquid.Sim.Records;
using DroneLiquid.Sim.Scenarios;
using DroneLiquid.Sim.Simulation;

namespace DroneLiquid.Service.Cli;

/// <summary>
/// `droneliquid sim ...`: the in-process simulator.
/// `sim run --scenario file.json [--out folder] [--speed m/s] [--json]` flies the scenario with a scripted pilot
/// (straight at the target) and writes the flight record, plot, summary and camera frames; exit 0 when the target
/// was reached, 1 on a crash or timeout, 2 for a bad scenario.
/// `sim bench [--seconds s] [--check] [--json]` prints the physics speed-up and camera frames per second.
/// `sim --autopilot px4|ardupilot --world W --seed N ...` serves the simulator as a SITL (see <see cref="SimServeVerb"/>).
/// </summary>
internal static class SimCommand
{
    public static Command Create()
    {
        var command = new Command("sim", "The simulator: quadrotor physics, flight controller, procedural worlds and a forward camera.");
        command.Subcommands.Add(CreateRun());
        command.Subcommands.Add(CreateBench());
        command.Subcommands.Add(SimBridgeVerb.Create());
        command.Subcommands.Add(SimLinkBenchVerb.Create());
        SimServeVerb.Configure(command);
        return command;
    }

    private static Command CreateRun()
    {
        var scenario = new Option<FileInfo>("--scenario") { Description = "Scenario JSON file (world, seed, start, target, wind, events...).", Required = true };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Folder for flight.jsonl, flight.png, summary.json and camera frames (default: flights/<scenario name>)." };
        var speed = new Option<float>("--speed") { Description = "Cruise speed of the scripted pilot, m/s (0 < speed <= 12).", DefaultValueFactory = _ => 3f };
        var json = new Option<bool>("--json") { Description = "Print the summary as one JSON object on stdout." };
        var command = new Command("run", "Fly a scenario in process with a scripted pilot and write its flight record and plot.");
        command.Options.Add(scenario);
        command.Options.Add(output);
        command.Options.Add(speed);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            FileInfo file = parse.GetValue(scenario)!;
            float cruise = parse.GetValue(speed);
            if (!float.IsFinite(cruise) || cruise <= 0f || cruise > 12f)
            {
                throw new BadInputException($"--speed: expected a value in (0, 12] m/s, got {cruise.ToString(CultureInfo.InvariantCulture)}");
            }

            Scenario loaded;
            try
            {
                loaded = ScenarioLoader.LoadFile(file.FullName);
            }
            catch (ScenarioException ex)
            {
                throw new BadInputException(ex.Message, ex);
            }

            string folder = parse.GetValue(output)?.FullName ?? Path.Combine("flights", Path.GetFileNameWithoutExtension(file.Name));
            FlightSummary summary = SimRun.Fly(loaded, folder, cruiseSpeedMetresPerSecond: cruise);
            if (parse.GetValue(json))
            {
                JsonOutput.WriteLine(summary);
            }

            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{summary.Outcome}{(summary.CrashReason is null ? string.Empty : $" ({summary.CrashReason})")} after {summary.TimeS:0.##} s, path {summary.PathLengthM:0.#} m, min clearance {summary.MinClearanceM:0.##} m, {summary.FinalDistanceToTargetM:0.#} m from the target"));
            Console.Error.WriteLine($"wrote {Path.Combine(folder, "flight.jsonl")}, flight.png, summary.json");
            return summary.Success ? ExitCodes.Success : ExitCodes.CheckFailed;
        });
        return command;
    }

    private static Command CreateBench()
    {
        var seconds = new Option<double>("--seconds") { Description = "Measuring time per figure, seconds (0.05..600).", DefaultValueFactory = _ => 1.0 };
        var check = new Option<bool>("--check") { Description = "Exit 1 unless physics >= 1000x real time and the camera >= 500 frames/s at 128x96 (CPU-time figures)." };
        var json = new Option<bool>("--json") { Description = "Print the figures as one JSON object on stdout." };
        var command = new Command("bench", "Measure the physics+controller speed-up over real time and the camera frame rate (one core).");
        command.Options.Add(seconds);
        command.Options.Add(check);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            double measure = parse.GetValue(seconds);
            if (!double.IsFinite(measure) || measure < 0.05 || measure > 600)
            {
                throw new BadInputException($"--seconds: expected a value in [0.05, 600], got {measure.ToString(CultureInfo.InvariantCulture)}");
            }

            SimBenchmarkResult result = SimBenchmark.Run(TimeProvider.System, measure);
            if (parse.GetValue(json))
            {
                JsonOutput.WriteLine(result);
            }

            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"physics + controller: {result.SpeedUpWall:0}x real time (wall), {result.SpeedUpCpu:0}x (process CPU time), {Environment.ProcessorCount} cores"));
            foreach (CameraFigure c in result.Camera)
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"camera {c.World,-6} {c.WidthPx}x{c.HeightPx}: {c.FramesPerSecondWall,7:0} frames/s (wall), {c.FramesPerSecondCpu,7:0} (CPU)"));
            }

            return !parse.GetValue(check) || result.MeetsTargets ? ExitCodes.Success : ExitCodes.CheckFailed;
        });
        return command;
    }
}
