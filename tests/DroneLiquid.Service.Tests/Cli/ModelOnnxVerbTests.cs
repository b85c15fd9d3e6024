using System.CommandLine;
using System.Text.Json;
using DroneLiquid.Service.Cli;

namespace DroneLiquid.Service.Tests.Cli;

/// <summary>The ONNX side of the `model` verbs: check on step references, export-onnx, bench --engine onnx.</summary>
public class ModelOnnxVerbTests
{
    private static string Reference(string file) => Path.Combine(AppContext.BaseDirectory, "Reference", file);

    private static (int Code, string StdOut, string StdErr) Run(params string[] args)
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(ModelCommand.Create(ModelExportOnnxCommand.Create()));
        return ConsoleCapture.Run(() => CliRunner.Run(root, args));
    }

    [Theory]
    [InlineData("cfc_default_step.json")]
    [InlineData("wiredcfc_autoncp19_step.json")]
    public void Check_accepts_an_onnx_step_reference_and_runs_both_engines(string file)
    {
        var (code, stdout, stderr) = Run("model", "check", Reference("onnx/" + file), "--json");
        Assert.True(code == ExitCodes.Success, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.True(root.GetProperty("passed").GetBoolean());
        Assert.True(root.GetProperty("onnx_engine").GetProperty("max_abs").GetDouble() <= 1e-6);
        // The ncps vector file with the same weights sits one folder up, as in the shared reference folder.
        Assert.True(root.GetProperty("native_engine").GetProperty("max_abs").GetDouble() <= 1e-5);
        Assert.True(root.GetProperty("native_engine").GetProperty("count").GetInt32() > 0);
    }

    [Fact]
    public void Check_refuses_a_changed_step_graph_naming_its_hash()
    {
        string dir = Path.Combine(Path.GetTempPath(), "dl-onnx-check-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        File.Copy(Reference("onnx/cfc_default_step.json"), Path.Combine(dir, "cfc_default_step.json"));
        var bytes = File.ReadAllBytes(Reference("onnx/cfc_default_step.onnx"));
        bytes[^10] ^= 0x5a;
        File.WriteAllBytes(Path.Combine(dir, "cfc_default_step.onnx"), bytes);
        var (code, _, stderr) = Run("model", "check", Path.Combine(dir, "cfc_default_step.json"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("cfc_default_step.onnx: SHA-256 is", stderr);
        Assert.Contains("the file changed or is corrupt", stderr);
    }

    [Theory]
    [InlineData("cfc_no_gate.json")]
    [InlineData("ltc_fc8.json")]
    public void Export_writes_a_graph_that_matches_the_native_runtime(string file)
    {
        string output = Path.Combine(Path.GetTempPath(), $"dl-export-{Guid.NewGuid():N}", "step.onnx");
        var (code, stdout, stderr) = Run("model", "export-onnx", Reference(file), output, "--json");
        Assert.True(code == ExitCodes.Success, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.True(root.GetProperty("passed").GetBoolean());
        Assert.Equal(13, root.GetProperty("opset").GetInt32());
        Assert.True(root.GetProperty("max_difference").GetDouble() <= 1e-5);
        Assert.Equal(new FileInfo(output).Length, root.GetProperty("bytes").GetInt64());
    }

    [Fact]
    public void Export_to_an_unwritable_path_is_bad_input()
    {
        string blocker = Path.GetTempFileName();
        var (code, _, stderr) = Run("model", "export-onnx", Reference("cfc_default.json"), Path.Combine(blocker, "step.onnx"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("step.onnx", stderr);
    }

    [Fact]
    public void Bench_times_the_onnx_engine_with_zero_bytes_per_step()
    {
        var (code, stdout, stderr) = Run("model", "bench", Reference("wiredcfc_autoncp19.json"), "--engine", "onnx", "--steps", "500", "--json");
        Assert.True(code == ExitCodes.Success, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.StartsWith("onnx (exported", root.GetProperty("engine").GetString());
        Assert.Equal(0.0, root.GetProperty("bytes_per_step").GetDouble());
        Assert.True(root.GetProperty("ns_per_step").GetDouble() > 0);
    }

    [Fact]
    public void Bench_takes_a_given_step_graph_and_refuses_one_of_another_model()
    {
        var (code, _, stderr) = Run("model", "bench", Reference("cfc_default.json"), "--engine", "onnx", "--onnx", Reference("onnx/wiredcfc_autoncp19_step.onnx"), "--steps", "100");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("input 'x' has shape [1, 8], expected [1, 5]", stderr);
    }

    [Theory]
    [InlineData("--engine", "tflite")]
    [InlineData("--onnx", "step.onnx")]
    [InlineData("--threads", "0")]
    public void Bench_engine_options_are_checked(string option, string value)
    {
        string[] args = option == "--threads"
            ? ["model", "bench", Reference("cfc_default.json"), "--engine", "onnx", option, value]
            : ["model", "bench", Reference("cfc_default.json"), option, value];
        var (code, _, stderr) = Run(args);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.NotEqual("", stderr);
    }
}
