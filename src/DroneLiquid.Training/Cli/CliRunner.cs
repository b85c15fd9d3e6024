using System.CommandLine;

namespace DroneLiquid.Training.Cli;

/// <summary>Parses and invokes with the house exit codes: parse errors and <see cref="BadInputException"/> are 2.</summary>
internal static class CliRunner
{
    public static int Run(RootCommand root, string[] args)
    {
        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                Console.Error.WriteLine($"droneliquid-train: {error.Message}");
            }

            Console.Error.WriteLine("Run 'droneliquid-train --help' for usage.");
            return ExitCodes.BadInput;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (BadInputException ex)
        {
            Console.Error.WriteLine($"droneliquid-train: {ex.Message}");
            return ExitCodes.BadInput;
        }
    }
}
