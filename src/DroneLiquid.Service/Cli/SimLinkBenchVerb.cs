using System.CommandLine;
using System.Globalization;
using DroneLiquid.Sim.Autopilot;
using DroneLiquid.Sim.Autopilot.Sitl;

namespace DroneLiquid.Service.Cli;

/// <summary>
/// `droneliquid sim link-bench [--autopilot px4|ardupilot] [--seconds s] [--json]`: physics + autopilot speed-up over
/// real time with MAVLink in the loop (telemetry to, and setpoints from, a loopback client), free-running.
/// </summary>
internal static class SimLinkBenchVerb
{
    public static Command Create()
    {
        var autopilot = new Option<string>("--autopilot") { Description = "px4 or ardupilot.", DefaultValueFactory = _ => "px4" };
        var seconds = new Option<double>("--seconds") { Description = "Simulated seconds to run (1..3600).", DefaultValueFactory = _ => 60 };
        var json = new Option<bool>("--json") { Description = "Print the figures as one JSON object on stdout." };
        var command = new Command("link-bench", "Measure the emulator's speed-up over real time with MAVLink in the loop.");
        command.Options.Add(autopilot);
        command.Options.Add(seconds);
        command.Options.Add(json);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!AutopilotEmulatorFactory.TryParseKind(parse.GetValue(autopilot), out AutopilotKind kind))
            {
                throw new BadInputException($"--autopilot: expected px4 or ardupilot, got '{parse.GetValue(autopilot)}'");
            }

            double simSeconds = parse.GetValue(seconds);
            if (!double.IsFinite(simSeconds) || simSeconds < 1 || simSeconds > 3600)
            {
                throw new BadInputException($"--seconds: expected 1..3600, got {simSeconds.ToString(CultureInfo.InvariantCulture)}");
            }

            LinkBenchmarkResult result = await LinkBenchmark.RunAsync(kind, simSeconds, TimeProvider.System, cancellationToken);
            if (parse.GetValue(json))
            {
                JsonOutput.WriteLine(result);
            }

            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.Autopilot}: {result.SimSeconds:0} s simulated in {result.WallSeconds:0.00} s wall = {result.SpeedUpWall:0}x real time with MAVLink in the loop ({result.ProcessCpuSeconds:0.00} s process CPU, {result.FramesSent} frames sent, {result.FramesReceivedByClient} parsed by the client, {result.SetpointsAccepted} setpoints, {result.ProcessorCount} cores)"));
            return ExitCodes.Success;
        });
        return command;
    }
}
