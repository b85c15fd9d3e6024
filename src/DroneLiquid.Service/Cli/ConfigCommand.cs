using System.CommandLine;
using DroneLiquid.Service.Host.Options;

namespace DroneLiquid.Service.Cli;

/// <summary>
/// `droneliquid config check FILE [--json]`: the validation `droneliquid run` does at start (shape, values, the
/// rules across sections) plus the file checks (the policy folder opens, the signing key reads; the connection
/// string parses). Prints "OK" or one line per problem (key, value, what is allowed). Environment variables
/// (DRONELIQUID__...) apply as they would for `run`. Exit 0 when valid, 1 when there are problems, 2 when the file
/// is missing or not JSON.
/// </summary>
internal static class ConfigCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The appsettings.json to check." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout: file, ok, problems." };
        var check = new Command("check", "Check a configuration file as `droneliquid run` would, plus the files it names.");
        check.Arguments.Add(file);
        check.Options.Add(json);
        check.SetAction(parse =>
        {
            string path = parse.GetValue(file)!.FullName;
            List<string> problems = Check(path);
            if (parse.GetValue(json))
            {
                JsonOutput.WriteLine(new ConfigCheckResult(path, problems.Count == 0, problems));
            }

            if (problems.Count == 0)
            {
                Console.Error.WriteLine($"OK: {path}");
                return ExitCodes.Success;
            }

            foreach (string problem in problems)
            {
                Console.Error.WriteLine(problem);
            }

            return ExitCodes.CheckFailed;
        });

        var command = new Command("config", "Check the flight service's configuration.");
        command.Subcommands.Add(check);
        return command;
    }

    /// <summary>Every problem of the configuration in <paramref name="path"/> (with the environment applied), or none.</summary>
    internal static List<string> Check(string path)
    {
        try
        {
            var configuration = ServiceConfiguration.Build(path);
            return ServiceConfiguration.Check(configuration, ServiceConfiguration.BaseDirectory(path), checkFiles: true, out _);
        }
        catch (InvalidDataException ex)
        {
            throw new BadInputException(ex.Message, ex);
        }
    }

    private sealed record ConfigCheckResult(string File, bool Ok, IReadOnlyList<string> Problems);
}
