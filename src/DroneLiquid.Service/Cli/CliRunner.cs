using System.CommandLine;

namespace DroneLiquid.Service.Cli;

/// <summary>
/// Parses and invokes the command line with the house exit codes: a parse error is bad usage (2),
/// and an input problem a verb reports with <see cref="BadInputException"/> is one line on stderr and 2.
/// </summary>
internal static class CliRunner
{
    public static int Run(RootCommand root, string[] args)
    {
        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                Console.Error.WriteLine($"droneliquid: {error.Message}");
            }

            Console.Error.WriteLine("Run 'droneliquid --help' for usage.");
            return ExitCodes.BadInput;
        }

        try
        {
            // Our own handler below turns input problems into exit code 2; anything else is a bug and keeps its stack trace.
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (BadInputException ex)
        {
            Console.Error.WriteLine($"droneliquid: {ex.Message}");
            return ExitCodes.BadInput;
        }
    }
}
