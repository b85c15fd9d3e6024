using System.CommandLine;
using DroneLiquid.Service.Cli;

namespace DroneLiquid.Service.Tests.Cli;

public sealed class SimBridgeVerbTests
{
    private static (int ExitCode, string StdOut, string StdErr) Run(params string[] args)
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(SimCommand.Create());
        return ConsoleCapture.Run(() => CliRunner.Run(root, args));
    }

    [Fact]
    public void A_malformed_connection_string_names_the_option_and_exits_2()
    {
        var (code, stdout, stderr) = Run("sim", "bridge", "--autopilot", "tcp://127.0.0.1:5760");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Empty(stdout);
        Assert.StartsWith("droneliquid: --autopilot: connection string 'tcp://127.0.0.1:5760': scheme 'tcp' is unknown", stderr);
    }

    [Fact]
    public void An_unknown_world_names_the_option_and_exits_2()
    {
        var (code, _, stderr) = Run("sim", "bridge", "--autopilot", "tcpout://127.0.0.1:5760", "--world", "mars");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("droneliquid: --world: expected one of forest, urban, empty, got 'mars'", stderr.Trim());
    }
}
