using System.CommandLine;
using DroneLiquid.Service.Cli;
using Microsoft.Extensions.Time.Testing;

namespace DroneLiquid.Service.Tests.Cli;

/// <summary>The `model info` and `model import` verbs under a test root, with a fixed clock, and the fixture paths.</summary>
internal static class ModelVerbs
{
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 8, 30, 0, TimeSpan.Zero);

    public static (int ExitCode, string StdOut, string StdErr) Run(params string[] args)
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(new Command("model") { Subcommands = { ModelInfoCommand.Create(), ModelImportCommand.Create(new FakeTimeProvider(Now)) } });
        return ConsoleCapture.Run(() => CliRunner.Run(root, args));
    }

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static string NewFolder() => Path.Combine(Path.GetTempPath(), "droneliquid-cli-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>Imports the wired CfC fixture (AutoNCP 19/4, 8 inputs) into a fresh folder and returns it.</summary>
    public static string ImportWiredCfc()
    {
        string folder = NewFolder();
        var (code, _, stderr) = Run("model", "import", "--weights", Fixture("wiredcfc_autoncp19.safetensors"), "--config", Fixture("wiredcfc_autoncp19.config.json"), "--out", folder, "--name", "lane");
        Assert.True(code == ExitCodes.Success, stderr);
        return folder;
    }
}
