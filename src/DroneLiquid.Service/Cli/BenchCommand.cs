using System.CommandLine;

namespace DroneLiquid.Service.Cli;

/// <summary>`droneliquid bench ...`: performance figures measured on this machine.</summary>
internal static class BenchCommand
{
    public static Command Create(params Command[] verbs)
    {
        var command = new Command("bench", "Measure performance figures on this machine.");
        foreach (var verb in verbs)
        {
            command.Subcommands.Add(verb);
        }

        return command;
    }
}
