using System.CommandLine;
using System.Text.Json;
using DroneLiquid.Service.Cli;

namespace DroneLiquid.Service.Tests.Cli;

public sealed class SimLinkBenchVerbTests
{
    private static (int ExitCode, string StdOut, string StdErr) Run(params string[] args)
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(SimCommand.Create());
        return ConsoleCapture.Run(() => CliRunner.Run(root, args));
    }

    [Fact]
    public void Prints_the_speed_up_with_every_frame_parsed_by_the_client()
    {
        var (code, stdout, _) = Run("sim", "link-bench", "--autopilot", "px4", "--seconds", "2", "--json");
        Assert.Equal(ExitCodes.Success, code);
        using JsonDocument result = JsonDocument.Parse(stdout);
        Assert.Equal(2.0, result.RootElement.GetProperty("sim_seconds").GetDouble(), 2);
        Assert.True(result.RootElement.GetProperty("speed_up_wall").GetDouble() > 0);
        Assert.True(result.RootElement.GetProperty("frames_sent").GetInt64() > 300);
        Assert.True(result.RootElement.GetProperty("setpoints_accepted").GetInt64() >= 30);
    }

    [Fact]
    public void A_bad_autopilot_exits_2()
    {
        var (code, _, stderr) = Run("sim", "link-bench", "--autopilot", "inav");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("droneliquid: --autopilot: expected px4 or ardupilot, got 'inav'", stderr.Trim());
    }
}
