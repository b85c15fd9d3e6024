using System.CommandLine;
using System.Text.Json;
using DroneLiquid.Service.Cli;

namespace DroneLiquid.Service.Tests.Cli;

public sealed class SimServeVerbTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"droneliquid-simserve-{Guid.NewGuid():N}");

    public SimServeVerbTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int ExitCode, string StdOut, string StdErr) Run(params string[] args)
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(SimCommand.Create());
        return ConsoleCapture.Run(() => CliRunner.Run(root, args));
    }

    [Fact]
    public void Serving_ardupilot_for_a_short_run_writes_the_record_and_prints_the_summary()
    {
        string output = Path.Combine(_folder, "ap");
        var (code, stdout, stderr) = Run("sim", "--autopilot", "ardupilot", "--world", "forest", "--seed", "7", "--speed", "20",
            "--duration", "3", "--port", "0", "--camera-port", "0", "--out", output, "--json");

        Assert.Equal(ExitCodes.Success, code);
        using JsonDocument result = JsonDocument.Parse(stdout);
        Assert.Equal("ardupilot", result.RootElement.GetProperty("autopilot").GetString());
        Assert.Equal(3.0, result.RootElement.GetProperty("sim_seconds").GetDouble(), 2);
        Assert.Equal("timedout", result.RootElement.GetProperty("flight").GetProperty("outcome").GetString());
        Assert.True(result.RootElement.GetProperty("camera_frames").GetInt64() >= 80);
        Assert.Contains("ArduPilot emulator serving MAVLink on TCP", stderr);
        Assert.True(File.Exists(Path.Combine(output, "flight.png")));
        Assert.True(File.Exists(Path.Combine(output, "flight.jsonl")));
    }

    [Theory]
    [InlineData("--autopilot", "px5", "--autopilot: expected px4 or ardupilot, got 'px5'")]
    [InlineData("--world", "moon", "--world: expected one of forest, urban, empty, got 'moon'")]
    [InlineData("--speed", "0", "--speed: expected a factor in [0.1, 1000], got 0")]
    public void Bad_input_is_one_line_naming_the_option_and_exits_2(string option, string value, string message)
    {
        List<string> args = ["sim", "--autopilot", "px4", "--world", "empty", "--speed", "1", "--port", "0", "--camera-port", "-1"];
        int at = args.IndexOf(option);
        args[at + 1] = value;
        var (code, stdout, stderr) = Run([.. args]);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Empty(stdout);
        Assert.Equal($"droneliquid: {message}", stderr.Trim());
    }

    [Fact]
    public void Serving_needs_an_autopilot()
    {
        var (code, _, stderr) = Run("sim", "--world", "forest");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--autopilot is required", stderr);
    }
}
