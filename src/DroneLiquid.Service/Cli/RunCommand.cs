using System.CommandLine;
using DroneLiquid.Service.Host;
using DroneLiquid.Service.Host.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DroneLiquid.Service.Cli;

/// <summary>
/// `droneliquid run [--config FILE] [--DroneLiquid:Section:Key=value ...]`: the flight service (Generic Host). Reads
/// the file, DRONELIQUID__... environment variables and command-line overrides; a bad configuration stops it at start
/// with one line per problem and exit 2. Flies one flight, logging each transition, and exits 0 when it ended in a
/// defined state (landed, holding, handed back), 1 otherwise (the flight could not start or ended undefined).
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var config = new Option<FileInfo?>("--config") { Description = "appsettings.json to read (default: none; environment and overrides only)." };
        var command = new Command("run", "Run the flight service: connect to the autopilot, fly the policy, fail safe, record the flight.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.Options.Add(config);
        command.SetAction(async (parse, cancellationToken) =>
        {
            string? file = parse.GetValue(config)?.FullName;
            Microsoft.Extensions.Configuration.IConfigurationRoot configuration;
            try
            {
                configuration = ServiceConfiguration.Build(file, parse.UnmatchedTokens);
            }
            catch (InvalidDataException ex)
            {
                throw new BadInputException(ex.Message, ex);
            }

            // The same check ValidateOnStart makes inside the host, done first so that a bad value reads as its own line
            // rather than inside the host's start-failure log.
            string baseDirectory = ServiceConfiguration.BaseDirectory(file);
            List<string> problems = ServiceConfiguration.Check(configuration, baseDirectory, checkFiles: false, out _);
            if (problems.Count > 0)
            {
                foreach (string problem in problems)
                {
                    Console.Error.WriteLine(problem);
                }

                return ExitCodes.BadInput;
            }

            using IHost host = FlightHost.Build(configuration, baseDirectory);
            try
            {
                await host.StartAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is Microsoft.Extensions.Options.OptionsValidationException or AggregateException)
            {
                foreach (string line in OptionsRegistration.FailureLines(ex))
                {
                    Console.Error.WriteLine(line);
                }

                return ExitCodes.BadInput;
            }

            await host.WaitForShutdownAsync(CancellationToken.None);
            FlightWorker worker = host.Services.GetRequiredService<FlightWorker>();
            return worker.Result is { EndedDefined: true } ? ExitCodes.Success : ExitCodes.CheckFailed;
        });
        return command;
    }
}
