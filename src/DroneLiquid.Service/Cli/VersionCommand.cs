using System.CommandLine;
using System.Reflection;
using System.Runtime.InteropServices;

namespace DroneLiquid.Service.Cli;

/// <summary>`droneliquid version [--json]`: what is installed on this vehicle and where it runs.</summary>
internal static class VersionCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout." };
        var command = new Command("version", "Print the DroneLiquid version, the .NET runtime and the machine architecture.");
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            var info = new VersionInfo(
                Version: typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown",
                Runtime: RuntimeInformation.FrameworkDescription,
                Os: RuntimeInformation.OSDescription,
                Architecture: RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant());
            if (parse.GetValue(json))
            {
                JsonOutput.WriteLine(info);
            }
            else
            {
                Console.Error.WriteLine($"droneliquid {info.Version} on {info.Runtime}, {info.Os} ({info.Architecture})");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private sealed record VersionInfo(string Version, string Runtime, string Os, string Architecture);
}
