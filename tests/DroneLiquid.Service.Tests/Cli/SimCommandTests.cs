using System.CommandLine;
using System.Text.Json;
using DroneLiquid.Service.Cli;

namespace DroneLiquid.Service.Tests.Cli;

public sealed class SimCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"droneliquid-simcommand-{Guid.NewGuid():N}");

    public SimCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int ExitCode, string StdOut, string StdErr) Run(params string[] args)
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(SimCommand.Create());
        return ConsoleCapture.Run(() => CliRunner.Run(root, args));
    }

    private string Scenario(string name, string json)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void Run_reaching_the_target_prints_the_summary_and_exits_0()
    {
        string scenario = Scenario("short.json", """{ "world": "empty", "seed": 4, "target": { "north_m": 8, "east_m": 0, "altitude_m": 2 }, "time_limit_s": 30 }""");
        string output = Path.Combine(_folder, "out");
        var (code, stdout, stderr) = Run("sim", "run", "--scenario", scenario, "--out", output, "--json");

        Assert.Equal(ExitCodes.Success, code);
        using JsonDocument summary = JsonDocument.Parse(stdout);
        Assert.True(summary.RootElement.GetProperty("success").GetBoolean());
        Assert.False(summary.RootElement.GetProperty("crash").GetBoolean());
        Assert.True(summary.RootElement.GetProperty("path_length_m").GetDouble() > 6);
        Assert.StartsWith("succeeded after", stderr);
        Assert.True(File.Exists(Path.Combine(output, "flight.jsonl")));
        Assert.True(File.Exists(Path.Combine(output, "flight.png")));
        Assert.True(File.Exists(Path.Combine(output, "summary.json")));
    }

    [Fact]
    public void Run_that_times_out_exits_1()
    {
        string scenario = Scenario("far.json", """{ "world": "empty", "seed": 4, "target": { "north_m": 50, "east_m": 0, "altitude_m": 2 }, "time_limit_s": 3 }""");
        var (code, _, stderr) = Run("sim", "run", "--scenario", scenario, "--out", Path.Combine(_folder, "far"));
        Assert.Equal(ExitCodes.CheckFailed, code);
        Assert.StartsWith("timedout after 3 s", stderr);
    }

    [Fact]
    public void A_bad_scenario_is_one_line_naming_the_field_and_exits_2()
    {
        string scenario = Scenario("bad.json", """{ "world": "moon", "seed": 4, "target": { "north_m": 8, "east_m": 0, "altitude_m": 2 } }""");
        var (code, stdout, stderr) = Run("sim", "run", "--scenario", scenario);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("", stdout);
        Assert.Equal($"droneliquid: scenario '{scenario}': field 'world': unknown value \"moon\"; valid: forest, urban, empty", stderr.Trim());
    }

    [Fact]
    public void Bench_prints_the_figures_as_one_json_object()
    {
        var (code, stdout, stderr) = Run("sim", "bench", "--seconds", "0.05", "--json");
        Assert.Equal(ExitCodes.Success, code);
        using JsonDocument figures = JsonDocument.Parse(stdout);
        Assert.True(figures.RootElement.GetProperty("speed_up_wall").GetDouble() > 0);
        Assert.Equal(6, figures.RootElement.GetProperty("camera").GetArrayLength());
        Assert.Contains("camera forest 128x96", stderr);

        Assert.Equal(ExitCodes.BadInput, Run("sim", "bench", "--seconds", "0").ExitCode);
    }
}
