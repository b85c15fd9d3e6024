using System.CommandLine;
using System.Text.Json;
using DroneLiquid.Service.Cli;

namespace DroneLiquid.Service.Tests.Cli;

public class CliRunnerTests
{
    private static RootCommand Root()
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(VersionCommand.Create());
        var failing = new Command("failing");
        failing.SetAction(int (_) => throw new BadInputException("policy.json: key 'units' must be a positive integer, got -3"));
        root.Subcommands.Add(failing);
        return root;
    }

    [Fact]
    public void UnknownOptionIsBadUsageWithExitCode2()
    {
        var (code, stdout, stderr) = ConsoleCapture.Run(() => CliRunner.Run(Root(), ["version", "--no-such-option"]));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("", stdout);
        Assert.Contains("--no-such-option", stderr);
    }

    [Fact]
    public void BadInputFromAVerbIsOneLineOnStderrAndExitCode2()
    {
        var (code, stdout, stderr) = ConsoleCapture.Run(() => CliRunner.Run(Root(), ["failing"]));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("", stdout);
        Assert.Equal("droneliquid: policy.json: key 'units' must be a positive integer, got -3", stderr.Trim());
    }

    [Fact]
    public void VersionJsonIsOneObjectOnStdout()
    {
        var (code, stdout, stderr) = ConsoleCapture.Run(() => CliRunner.Run(Root(), ["version", "--json"]));
        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal("", stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.False(string.IsNullOrEmpty(doc.RootElement.GetProperty("version").GetString()));
        Assert.Contains(".NET", doc.RootElement.GetProperty("runtime").GetString());
    }
}
