using System.CommandLine;
using System.Text.Json;
using DroneLiquid.Service.Cli;
using DroneLiquid.Service.Host.Options;
using DroneLiquid.Service.Tests.Fakes;

namespace DroneLiquid.Service.Tests.Cli;

public sealed class ConfigCommandTests : IDisposable
{
    private readonly FakeFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string> Examples => new() { "raspberry-pi-px4.json", "jetson-ardupilot.json", "bench-sitl.json" };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Each_deploy_example_passes_config_check_with_a_policy_at_its_path(string name)
    {
        // The examples name the installed policy (/opt/droneliquid/models/state-nav) or the repository's; the test
        // puts a real policy folder there by overriding the one key, as a vehicle's DRONELIQUID__POLICY__PATH would.
        string file = Path.Combine(AppContext.BaseDirectory, "DeployConfig", name);
        string policy = FakePolicies.WriteStatePolicy(_folder.Path);
        var configuration = ServiceConfiguration.Build(file, [$"--DroneLiquid:Policy:Path={policy}"], environment: false);

        List<string> problems = ServiceConfiguration.Check(configuration, ServiceConfiguration.BaseDirectory(file), checkFiles: true, out var options);

        Assert.Empty(problems);
        Assert.Equal(policy, options!.Policy.Path);
    }

    [Fact]
    public void A_good_file_prints_ok_and_exits_0()
    {
        string file = Write($$"""{ "DroneLiquid": { "Policy": { "Path": "policy" } } }""");
        FakePolicies.WriteStatePolicy(_folder.Path);

        var (code, stdout, stderr) = Run("config", "check", file, "--json");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains($"OK: {file}", stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.True(json.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal(0, json.RootElement.GetProperty("problems").GetArrayLength());
    }

    [Fact]
    public void Problems_print_one_line_each_and_exit_1()
    {
        string file = Write("""{ "DroneLiquid": { "Policy": { "Path": "missing-policy" }, "Autopilot": { "Connection": "udp://x" }, "Stop": { "Action": "Hover" } } }""");

        var (code, stdout, stderr) = Run("config", "check", file);

        Assert.Equal(ExitCodes.CheckFailed, code);
        Assert.Equal("", stdout);
        // The shape is checked first: a value that cannot be read stops there, the way `run` stops at start.
        Assert.Equal(["DroneLiquid:Stop:Action is 'Hover'; expected one of Hold, Land, Return"], Lines(stderr));
    }

    [Fact]
    public void File_checks_report_a_policy_folder_that_does_not_open_and_a_bad_connection_string()
    {
        string file = Write("""{ "DroneLiquid": { "Policy": { "Path": "missing-policy" }, "Autopilot": { "Connection": "udp://x" } } }""");

        var (code, _, stderr) = Run("config", "check", file);

        Assert.Equal(ExitCodes.CheckFailed, code);
        string policy = Path.Combine(_folder.Path, "missing-policy");
        Assert.Equal(
            [
                "DroneLiquid:Autopilot:Connection is 'udp://x'; connection string 'udp://x': scheme 'udp' is unknown (expected udpin, udpout, tcpin, tcpout or serial); accepted forms: " + DroneLiquid.Mavlink.Transports.ConnectionString.AcceptedForms,
                $"DroneLiquid:Policy:Path is '{policy}': {policy}: no such policy folder",
            ],
            Lines(stderr));
    }

    [Fact]
    public void A_missing_file_or_broken_json_is_bad_input()
    {
        var (code, _, stderr) = Run("config", "check", _folder.File("nope.json"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("no such configuration file", stderr);

        (code, _, stderr) = Run("config", "check", Write("{ \"DroneLiquid\": "));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("not valid JSON", stderr);
    }

    private string Write(string json)
    {
        string file = _folder.File("appsettings.json");
        File.WriteAllText(file, json);
        return file;
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static (int ExitCode, string StdOut, string StdErr) Run(params string[] args)
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(ConfigCommand.Create());
        return ConsoleCapture.Run(() => CliRunner.Run(root, args));
    }
}
