using System.CommandLine;
using DroneLiquid.Liquid.Models;
using DroneLiquid.Liquid.Policies;
using DroneLiquid.Perception.Export;
using DroneLiquid.Perception.Recurrent;

namespace DroneLiquid.Service.Cli;

/// <summary>
/// `droneliquid model export-onnx <model> <out.onnx> [--json]`: writes one step of the model as an ONNX graph
/// (opset 13, inputs x, h[, c], ts; outputs y, h_next[, c_next]), then runs it in ONNX Runtime beside the native
/// runtime over the model's workload and fails (exit 1) if they differ by more than the tolerance.
/// </summary>
internal static class ModelExportOnnxCommand
{
    private const double Tolerance = 1e-5;

    public static Command Create()
    {
        var model = new Argument<string>("model") { Description = "A policy folder (policy.json + weights.safetensors) or an ncps reference JSON file." };
        var output = new Argument<string>("out") { Description = "The ONNX file to write (overwritten)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout." };
        var command = new Command("export-onnx", "Write one step of a CfC/wired CfC/LTC model as an ONNX graph and check it against the native runtime.");
        command.Arguments.Add(model);
        command.Arguments.Add(output);
        command.Options.Add(json);
        command.SetAction(parse => Run(parse.GetValue(model)!, parse.GetValue(output)!, parse.GetValue(json)));
        return command;
    }

    internal static int Run(string modelPath, string outPath, bool json)
    {
        var source = ModelCommand.Load(modelPath);
        var model = ModelCommand.CreateModel(source);
        byte[] bytes = LiquidOnnxExporter.Export(source.Spec, source.Weights, Path.GetFileNameWithoutExtension(outPath));
        try
        {
            string? dir = Path.GetDirectoryName(Path.GetFullPath(outPath));
            if (dir is not null) Directory.CreateDirectory(dir);
            File.WriteAllBytes(outPath, bytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException($"{outPath}: cannot write: {ex.Message}", ex);
        }

        var (inputs, elapsed) = ModelBench.Workload(source, model);
        double maxDifference;
        using (var onnx = OnnxStepSession.Open(outPath, LiquidOnnxExporter.SignatureOf(source.Spec)))
        {
            maxDifference = OnnxParity.MaxDifference(onnx, model.CreateSession(), inputs, elapsed);
        }

        bool passed = maxDifference <= Tolerance;
        var signature = LiquidOnnxExporter.SignatureOf(source.Spec);
        var report = new ExportReport(
            modelPath, outPath, LiquidModel.Describe(source.Spec), bytes.Length, PolicyFolder.Sha256(outPath), LiquidOnnxExporter.Opset,
            signature.InputSize, signature.StateSize, signature.OutputSize, signature.HasCellState, inputs.Length, maxDifference, Tolerance, passed);
        if (json)
        {
            JsonOutput.WriteLine(report);
        }
        else
        {
            Console.Error.WriteLine($"{outPath}: {report.Model}, opset {report.Opset}, {report.Bytes} bytes, SHA-256 {report.Sha256}");
            Console.Error.WriteLine($"  x [1, {signature.InputSize}], h [1, {signature.StateSize}]{(signature.HasCellState ? $", c [1, {signature.StateSize}]" : "")}, ts [1, 1] -> y [1, {signature.OutputSize}], h_next{(signature.HasCellState ? ", c_next" : "")}");
            Console.Error.WriteLine($"  ONNX Runtime vs native over {report.CheckedSteps} steps: max |difference| {maxDifference:0.00E+00} (tolerance {Tolerance:G3})");
            Console.Error.WriteLine(passed ? "PASS" : "FAIL");
        }

        return passed ? ExitCodes.Success : ExitCodes.CheckFailed;
    }

    private sealed record ExportReport(
        string Model, string Out, string Architecture, int Bytes, string Sha256, int Opset,
        int InputSize, int StateSize, int OutputSize, bool CellState, int CheckedSteps, double MaxDifference, double Tolerance, bool Passed);
}
