using System.CommandLine;
using DroneLiquid.Service.Cli;
using DroneLiquid.Service.Tests.Fakes;

namespace DroneLiquid.Service.Tests.Cli;

public sealed class RunAndFlyCommandTests : IDisposable
{
    private readonly FakeFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Run_with_a_bad_configuration_prints_one_line_per_problem_and_exits_2()
    {
        string file = _folder.File("appsettings.json");
        File.WriteAllText(file, """{ "DroneLiquid": { "Policy": { "Path": "p" }, "Envelope": { "MaxYawRateRadiansPerSecond": 0 }, "Mission": { "TargetRadiusMetres": 100 } } }""");

        var (code, stdout, stderr) = Run("run", "--config", file, "--DroneLiquid:Autopilot:SystemId=0");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("", stdout);
        Assert.Equal(
            [
                "DroneLiquid:Autopilot:SystemId is 0; expected 1 to 255",
                "DroneLiquid:Envelope:MaxYawRateRadiansPerSecond is 0; expected a finite number more than 0",
                "DroneLiquid:Mission:TargetRadiusMetres is 100; expected 0.2 to 50",
            ],
            stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public void Run_with_a_missing_configuration_file_is_bad_input()
    {
        var (code, _, stderr) = Run("run", "--config", _folder.File("none.json"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("no such configuration file", stderr);
    }

    [Theory]
    [InlineData("fly", "--autopilot", "px4", "fly: only --sim is supported here")]
    [InlineData("fly", "--sim", "--autopilot", "inav", "--autopilot: expected px4 or ardupilot, got 'inav'")]
    [InlineData("fly", "--sim", "--speed", "500", "--speed: expected a factor from 0.5 to 50, got 500")]
    [InlineData("fly", "--sim", "--world", "moon", "--world: expected one of")]
    [InlineData("fly", "--sim", "--policy", "/nonexistent/policy", "--policy: no policy folder at '/nonexistent/policy'")]
    public void Fly_refuses_bad_input_with_exit_2(params string[] argsAndMessage)
    {
        string[] args = argsAndMessage[..^1];
        if (!args.Contains("--policy"))
        {
            args = [.. args, "--policy", FakePolicies.WriteStatePolicy(_folder.Path)];
        }

        var (code, _, stderr) = Run(args);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(argsAndMessage[^1], stderr);
    }

    [Fact]
    public void Fly_picks_the_empty_world_for_a_state_policy_and_the_forest_for_a_vision_policy()
    {
        // A state policy cannot see obstacles: flying it through trees would test luck, not the service.
        string state = FakePolicies.WriteStatePolicy(_folder.Path);
        string vision = DroneLiquid.Flight.Policies.UntrainedPolicy.WriteVision(Path.Combine(_folder.Path, "vision"), 64, 48, 8);

        Assert.Equal(DroneLiquid.Sim.Worlds.WorldKind.Empty, FlyCommand.BuildOptions("px4", "auto", 7, state, 5, 90, "flights").World);
        Assert.Equal(DroneLiquid.Sim.Worlds.WorldKind.Forest, FlyCommand.BuildOptions("px4", "auto", 7, vision, 5, 90, "flights").World);
        Assert.Equal(DroneLiquid.Sim.Worlds.WorldKind.Urban, FlyCommand.BuildOptions("px4", "urban", 7, state, 5, 90, "flights").World);
    }

    private static (int ExitCode, string StdOut, string StdErr) Run(params string[] args)
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(FlyCommand.Create());
        return ConsoleCapture.Run(() => CliRunner.Run(root, args));
    }
}
