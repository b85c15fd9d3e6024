using System.CommandLine;
using System.Globalization;
using DroneLiquid.FirmwareBridge;
using DroneLiquid.Flight.Control;
using DroneLiquid.Liquid.Policies;
using DroneLiquid.Service.Host.Loopback;
using DroneLiquid.Sim.Autopilot;
using Microsoft.Extensions.Logging;

namespace DroneLiquid.Service.Cli;

/// <summary>
/// `droneliquid fly --sim [--autopilot px4|ardupilot] [--world auto|forest|urban|empty] [--seed N] [--policy DIR]
/// [--speed X] [--time-limit S] [--out DIR] [--json]`: the main job. Starts the emulated autopilot on loopback and
/// flies the policy through it with the service's own composition over real MAVLink: arm, take off, fly to the
/// world's target, land. Progress on stderr about twice a second; the summary on stderr (one JSON object on
/// stdout with --json); the flight record (tick log, tlog, transitions, sim.jsonl, flight.png) in a folder under
/// --out. Exit 0 when the flight succeeded (target reached and landed), 1 when it did not, 2 for bad input.
/// </summary>
internal static class FlyCommand
{
    private const string AutoWorld = "auto";

    public static Command Create()
    {
        var sim = new Option<bool>("--sim") { Description = "Fly the built-in simulator (required: a real vehicle flies with `droneliquid run`)." };
        var autopilot = new Option<string>("--autopilot") { Description = "Emulated autopilot: px4 (UDP) or ardupilot (TCP).", DefaultValueFactory = _ => "px4" };
        var world = new Option<string>("--world")
        {
            Description = "World: forest, urban or empty; auto (the default) is empty for a state policy, which cannot see obstacles, and forest for a vision policy.",
            DefaultValueFactory = _ => AutoWorld,
        };
        var seed = new Option<ulong>("--seed") { Description = "World seed.", DefaultValueFactory = _ => 7UL };
        var policy = new Option<string>("--policy") { Description = "Policy folder.", DefaultValueFactory = _ => Path.Combine("models", "state-nav") };
        var speed = new Option<double>("--speed") { Description = "Simulated seconds per wall second (0.5 to 50).", DefaultValueFactory = _ => SimFlightOptions.DefaultSpeed };
        var timeLimit = new Option<double>("--time-limit") { Description = "Policy control time limit, simulated seconds.", DefaultValueFactory = _ => 90.0 };
        var output = new Option<string>("--out") { Description = "Folder that receives the flight folder.", DefaultValueFactory = _ => "flights" };
        var json = new Option<bool>("--json") { Description = "Print the summary as one JSON object on stdout." };
        var command = new Command("fly", "Fly a policy: `fly --sim` flies the built-in simulator through an emulated PX4 or ArduPilot over loopback MAVLink.");
        foreach (Option option in new Option[] { sim, autopilot, world, seed, policy, speed, timeLimit, output, json })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!parse.GetValue(sim))
            {
                throw new BadInputException("fly: only --sim is supported here; a real vehicle flies with `droneliquid run --config FILE`");
            }

            SimFlightOptions options = BuildOptions(parse.GetValue(autopilot)!, parse.GetValue(world)!, parse.GetValue(seed), parse.GetValue(policy)!,
                parse.GetValue(speed), parse.GetValue(timeLimit), parse.GetValue(output)!);
            using ILoggerFactory loggers = LoggerFactory.Create(b => b
                .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
                .AddSimpleConsole(o => o.SingleLine = true)
                .AddFilter((category, level) => level >= LogLevel.Warning || (category?.EndsWith("FlightSession", StringComparison.Ordinal) == true && level >= LogLevel.Information)));
            Console.Error.WriteLine($"fly: {options.Autopilot.ToString().ToLowerInvariant()} emulator, {options.World.ToString().ToLowerInvariant()} world seed {options.Seed}, policy {options.PolicyPath}, {options.Speed.ToString(CultureInfo.InvariantCulture)}x");
            var printer = new ProgressPrinter(TimeProvider.System);
            SimFlightResult result;
            try
            {
                result = await SimFlight.RunAsync(options, loggers, printer.Print, cancellationToken: cancellationToken);
            }
            catch (PolicyFormatException ex)
            {
                throw new BadInputException($"--policy: {ex.Message}", ex);
            }
            catch (AutopilotException ex)
            {
                Console.Error.WriteLine($"fly: the flight could not start: {ex.Message}");
                return ExitCodes.CheckFailed;
            }

            if (parse.GetValue(json))
            {
                JsonOutput.WriteLine(result);
            }

            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(result.Success ? "success" : "no success")}: {result.FinalState} ({result.Reason}) after {result.TimeS:0.#} s simulated ({result.WallS:0.#} s), flew {result.DistanceM:0.#} m, closest {result.ClosestToTargetM:0.##} m, min clearance {result.MinClearanceM:0.##} m, {result.EnvelopeInterventions} envelope interventions"));
            foreach (string failsafe in result.Failsafes)
            {
                Console.Error.WriteLine($"  failsafe {failsafe}");
            }

            Console.Error.WriteLine($"record: {result.Record}");
            return result.Success ? ExitCodes.Success : ExitCodes.CheckFailed;
        });
        return command;
    }

    internal static SimFlightOptions BuildOptions(string autopilot, string world, ulong seed, string policy, double speed, double timeLimitSeconds, string output)
    {
        if (!AutopilotEmulatorFactory.TryParseKind(autopilot, out AutopilotKind kind))
        {
            throw new BadInputException($"--autopilot: expected px4 or ardupilot, got '{autopilot}'");
        }

        if (!double.IsFinite(speed) || speed < 0.5 || speed > 50)
        {
            throw new BadInputException($"--speed: expected a factor from 0.5 to 50, got {speed.ToString(CultureInfo.InvariantCulture)}");
        }

        if (!double.IsFinite(timeLimitSeconds) || timeLimitSeconds < 1 || timeLimitSeconds > 3600)
        {
            throw new BadInputException($"--time-limit: expected 1 to 3600 simulated seconds, got {timeLimitSeconds.ToString(CultureInfo.InvariantCulture)}");
        }

        if (!Directory.Exists(policy))
        {
            throw new BadInputException($"--policy: no policy folder at '{policy}' (expected policy.json and weights.safetensors there)");
        }

        if (world == AutoWorld)
        {
            world = File.Exists(Path.Combine(policy, PolicyFolder.PerceptionFileName)) ? "forest" : "empty";
        }

        return new SimFlightOptions
        {
            Autopilot = kind,
            World = SimServeVerb.ParseWorld(world),
            Seed = seed,
            Speed = speed,
            PolicyPath = policy,
            RecordDirectory = output,
            TimeLimit = TimeSpan.FromSeconds(timeLimitSeconds),
        };
    }

    /// <summary>One progress line on stderr at most twice a wall second, whatever the speed-up.</summary>
    private sealed class ProgressPrinter(TimeProvider wall)
    {
        private long _last;

        public void Print(FlightProgress p)
        {
            if (_last != 0 && wall.GetElapsedTime(_last) < TimeSpan.FromMilliseconds(500))
            {
                return;
            }

            _last = wall.GetTimestamp();
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {p.Elapsed.TotalSeconds,6:0.0} s  {p.State,-13}  {p.DistanceToTargetMetres,6:0.0} m to target  {p.SpeedMetresPerSecond,4:0.0} m/s  alt {p.AltitudeMetres,4:0.0} m"));
        }
    }
}
