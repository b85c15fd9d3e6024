using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using DroneLiquid.Service.Cli;

namespace DroneLiquid.Service.Tests.Cli;

public class ModelCommandTests
{
    private static string Reference(string file) => Path.Combine(AppContext.BaseDirectory, "Reference", file);

    private static (int Code, string StdOut, string StdErr) Run(params string[] args)
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(ModelCommand.Create());
        return ConsoleCapture.Run(() => CliRunner.Run(root, args));
    }

    /// <summary>Runs `model check` on a changed copy of a reference file.</summary>
    private static (int Code, string StdOut, string StdErr) CheckVariant(string file, Action<JsonNode> change)
    {
        var node = JsonNode.Parse(File.ReadAllText(Reference(file)))!;
        change(node);
        string path = Path.Combine(Path.GetTempPath(), $"dl-cli-{Guid.NewGuid():N}-{file}");
        File.WriteAllText(path, node.ToJsonString());
        try
        {
            return Run("model", "check", path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("cfc_default.json")]
    [InlineData("cfc_pure.json")]
    [InlineData("cfc_no_gate.json")]
    [InlineData("wiredcfc_autoncp19.json")]
    [InlineData("ltc_fc8.json")]
    [InlineData("ltc_autoncp19.json")]
    [InlineData("cfc_default_long500.json")]
    public void CheckPassesEveryReferenceFileAndReportsErrorsAsJson(string file)
    {
        var (code, stdout, stderr) = Run("model", "check", Reference(file), "--json");
        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal("", stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.True(root.GetProperty("passed").GetBoolean());
        Assert.Equal(1e-5, root.GetProperty("atol").GetDouble());
        foreach (string part in new[] { "outputs", "states", "final_state" })
        {
            var summary = root.GetProperty(part);
            Assert.True(summary.GetProperty("max_abs").GetDouble() < 1e-5);
            Assert.Equal(0, summary.GetProperty("violations").GetInt32());
            Assert.True(summary.GetProperty("count").GetInt32() > 0);
        }
    }

    [Fact]
    public void CheckFailsWithExitCode1AndNamesTheWorstValueWhenAnOutputIsOff()
    {
        var (code, stdout, stderr) = CheckVariant("wiredcfc_autoncp19.json", n => n["outputs"]![1]![7]![2] = n["outputs"]![1]![7]![2]!.GetValue<double>() + 1e-3);
        Assert.Equal(ExitCodes.CheckFailed, code);
        Assert.Equal("", stdout);
        Assert.Contains("1 of 160 over tolerance (worst at batch 1, step 7, index 2)", stderr);
        Assert.EndsWith("FAIL", stderr.Trim());
    }

    [Fact]
    public void TighterToleranceCanFailACheckThatPassesByDefault()
    {
        var (code, stdout, _) = Run("model", "check", Reference("cfc_no_gate.json"), "--atol", "1e-9", "--rtol", "0", "--json");
        using var doc = JsonDocument.Parse(stdout);
        double maxAbs = doc.RootElement.GetProperty("outputs").GetProperty("max_abs").GetDouble();
        Assert.Equal(maxAbs > 1e-9 ? ExitCodes.CheckFailed : ExitCodes.Success, code);
        Assert.True(maxAbs > 0, "float32 against ncps is expected to differ in the last bits somewhere");
    }

    [Fact]
    public void AMissingFileIsBadInput()
    {
        var (code, stdout, stderr) = Run("model", "check", "/nonexistent/model.json");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("", stdout);
        Assert.Equal("droneliquid: model source '/nonexistent/model.json' does not exist", stderr.Trim());
    }

    [Fact]
    public void AMalformedFileIsBadInputNamingTheKey()
    {
        var (code, _, stderr) = CheckVariant("ltc_fc8.json", n => n["parameters"]![3]!["shape"] = new JsonArray(8, 9));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("tensor 'rnn_cell.sigma'", stderr);
    }

    [Fact]
    public void AMissingTensorIsBadInputNamingTheKeyAndShape()
    {
        var (code, _, stderr) = CheckVariant("cfc_default.json", n => n["parameters"]!.AsArray().RemoveAt(4));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("tensor 'rnn_cell.ff2.weight' is missing (expected shape [8, 16])", stderr);
    }

    [Fact]
    public void NegativeToleranceIsBadUsage()
    {
        var (code, _, stderr) = Run("model", "check", Reference("cfc_default.json"), "--atol", "-1");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--atol and --rtol must be finite and >= 0", stderr);
    }

    [Fact]
    public void BenchReportsNanosecondsAndZeroBytesPerStep()
    {
        var (code, stdout, stderr) = Run("model", "bench", Reference("wiredcfc_autoncp19.json"), "--steps", "2000", "--json");
        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal("", stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal(2000, root.GetProperty("steps").GetInt32());
        Assert.True(root.GetProperty("ns_per_step").GetDouble() > 0);
        Assert.Equal(0, root.GetProperty("bytes_per_step").GetDouble());
        Assert.Contains("AutoNCP", root.GetProperty("model").GetString());
    }

    [Fact]
    public void BenchRejectsTooFewSteps()
    {
        var (code, _, stderr) = Run("model", "bench", Reference("cfc_default.json"), "--steps", "3");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--steps must be at least 10, got 3", stderr);
    }
}
