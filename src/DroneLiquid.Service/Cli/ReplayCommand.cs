using System.CommandLine;
using System.Globalization;
using DroneLiquid.Flight.Replay;
using DroneLiquid.Liquid.Policies;
using DroneLiquid.Perception.Onnx;

namespace DroneLiquid.Service.Cli;

/// <summary>
/// `droneliquid replay &lt;flight-folder&gt; [--policy DIR] [--json]`: re-runs a policy (by default the one the flight
/// recorded in flight.json) on the recorded observations, image features and elapsed times, and reports the largest
/// |output difference|. Exit 1 when the policy that flew does not reproduce its outputs exactly.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var flight = new Argument<string>("flight-folder") { Description = "A flight folder written by the flight recorder (flight.json, ticks.dlt)." };
        var policy = new Option<string?>("--policy") { Description = "Replay this policy folder instead of the one the flight recorded." };
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON object on stdout." };
        var command = new Command("replay", "Re-run a policy on a recorded flight and compare its outputs with the recorded ones.");
        command.Arguments.Add(flight);
        command.Options.Add(policy);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            ReplayResult result;
            try
            {
                result = FlightReplay.Run(parse.GetValue(flight)!, parse.GetValue(policy));
            }
            catch (Exception ex) when (ex is InvalidDataException or PolicyFormatException or OnnxModelException or IOException or UnauthorizedAccessException)
            {
                throw new BadInputException(ex.Message);
            }

            if (parse.GetValue(json))
            {
                JsonOutput.WriteLine(new { result.PolicyDirectory, result.SamePolicy, result.Ticks, result.Steps, result.Compared, result.MaxAbsDifference, result.WorstTick, result.StatusMismatches, result.Exact });
            }

            string verdict = result.Exact ? "reproduced exactly" : result.SamePolicy ? "NOT reproduced: the policy that flew gives other outputs" : "differs (another policy)";
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"replay of {result.Steps} steps ({result.Compared} compared, {result.Ticks} ticks) with {result.PolicyDirectory}{(result.SamePolicy ? " (the policy that flew)" : "")}: max |d output| = {result.MaxAbsDifference:G9}{(result.WorstTick >= 0 ? $" at tick {result.WorstTick}" : "")}, {result.StatusMismatches} step outcomes differ: {verdict}"));
            return result.SamePolicy && !result.Exact ? ExitCodes.CheckFailed : ExitCodes.Success;
        });
        return command;
    }
}
