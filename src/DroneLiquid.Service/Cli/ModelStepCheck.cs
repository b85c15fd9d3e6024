using DroneLiquid.Liquid.Models;
using DroneLiquid.Perception.Onnx;
using DroneLiquid.Perception.Recurrent;

namespace DroneLiquid.Service.Cli;

/// <summary>
/// `model check` on an ONNX step reference (<c>*_step.json</c> beside its <c>.onnx</c>): the graph's hash, then
/// its pairs through ONNX Runtime, then, when the ncps vector file with the same weights is found beside it
/// or one folder up, the same pairs through the native runtime.
/// </summary>
internal static class ModelStepCheck
{
    public static int Run(string path, double atol, double rtol, bool json)
    {
        OnnxStepReference reference;
        OnnxStepCheck onnx;
        try
        {
            reference = OnnxStepReference.Load(path);
            onnx = OnnxStepReferenceRunner.CheckOnnx(reference, atol, rtol);
        }
        catch (OnnxModelException ex)
        {
            throw new BadInputException(ex.Message, ex);
        }

        OnnxStepCheck? native = null;
        string? weightsPath = OnnxStepReferenceRunner.FindSameWeights(reference);
        if (weightsPath is not null)
        {
            var model = ModelCommand.CreateModel(ModelCommand.Load(weightsPath));
            native = OnnxStepReferenceRunner.CheckNative(reference, model, atol, rtol);
        }

        bool passed = onnx.Passed && (native?.Passed ?? true);
        if (json)
        {
            JsonOutput.WriteLine(new StepCheckReport(path, reference.OnnxPath, reference.Pairs.Count, atol, rtol, passed, onnx, native, weightsPath));
        }
        else
        {
            var sig = reference.Signature;
            Console.Error.WriteLine($"{path}: ONNX step {Path.GetFileName(reference.OnnxPath)} (x [1, {sig.InputSize}], h [1, {sig.StateSize}] -> y [1, {sig.OutputSize}]), {reference.Pairs.Count} pairs");
            Console.Error.WriteLine($"  tolerance |got - want| <= {atol:G3} + {rtol:G3} |want|");
            Print(onnx);
            if (native is not null) Print(native);
            else Console.Error.WriteLine($"  native       skipped: {reference.SameWeightsAs ?? "no same_weights_as"} not found beside the file or one folder up");
            Console.Error.WriteLine(passed ? "PASS" : "FAIL");
        }

        return passed ? ExitCodes.Success : ExitCodes.CheckFailed;
    }

    private static void Print(OnnxStepCheck check) =>
        Console.Error.WriteLine($"  {check.Engine,-12} max abs {check.MaxAbs:0.00E+00}  {check.Violations} of {check.Count} over tolerance");

    private sealed record StepCheckReport(string File, string Onnx, int Pairs, double Atol, double Rtol, bool Passed, OnnxStepCheck OnnxEngine, OnnxStepCheck? NativeEngine, string? NativeWeights);
}
