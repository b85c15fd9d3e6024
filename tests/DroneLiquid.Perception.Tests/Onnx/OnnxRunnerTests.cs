using DroneLiquid.Perception.Onnx;
using DroneLiquid.Perception.Recurrent;
using Microsoft.ML.OnnxRuntime.Tensors;
using DroneLiquid.Tests.Shared;

namespace DroneLiquid.Perception.Tests.Onnx;

public class OnnxRunnerTests
{
    private static readonly OnnxStepSignature CfcSignature = new(5, 8, 8);
    private static readonly string CfcPath = TestFiles.Onnx("cfc_default_step.onnx");

    [Fact]
    public void Missing_file_is_named()
    {
        var ex = Assert.Throws<OnnxModelException>(() => OnnxRunner.Open("/nonexistent/model.onnx", CfcSignature.Inputs, CfcSignature.Outputs));
        Assert.Equal("/nonexistent/model.onnx: no such ONNX file", ex.Message);
    }

    [Fact]
    public void Random_bytes_and_truncated_files_give_one_clear_message()
    {
        string dir = TestFiles.TempDirectory();
        var random = new byte[4096];
        new Random(7).NextBytes(random);
        string garbage = Path.Combine(dir, "garbage.onnx");
        File.WriteAllBytes(garbage, random);
        string truncated = Path.Combine(dir, "truncated.onnx");
        var whole = File.ReadAllBytes(CfcPath);
        File.WriteAllBytes(truncated, whole[..(whole.Length / 2)]);
        foreach (var path in new[] { garbage, truncated })
        {
            var ex = Assert.Throws<OnnxModelException>(() => OnnxRunner.Open(path, CfcSignature.Inputs, CfcSignature.Outputs));
            Assert.StartsWith($"{path}: not a loadable ONNX model", ex.Message);
        }
    }

    [Fact]
    public void Wrong_input_name_shape_and_type_are_listed_with_expected_and_found()
    {
        OnnxTensorSpec[] inputs = [new("obs", [1, 5]), new("h", [1, 9]), new("ts", [1, 1], TensorElementType.Double)];
        var ex = Assert.Throws<OnnxModelException>(() => OnnxRunner.Open(CfcPath, inputs, CfcSignature.Outputs));
        Assert.Contains("no input 'obs'", ex.Message);
        Assert.Contains("input 'h' has shape [1, 8], expected [1, 9]", ex.Message);
        Assert.Contains("input 'ts' holds float, expected double", ex.Message);
        Assert.Contains("unexpected input 'x'", ex.Message);
        Assert.StartsWith(CfcPath + ": ", ex.Message);
    }

    [Fact]
    public void Wrong_output_shape_is_named()
    {
        var ex = Assert.Throws<OnnxModelException>(() => OnnxRunner.Open(CfcPath, CfcSignature.Inputs, new OnnxStepSignature(5, 8, 4).Outputs));
        Assert.Contains("output 'y' has shape [1, 8], expected [1, 4]", ex.Message);
    }

    [Fact]
    public void A_provider_this_build_lacks_fails_with_a_clear_message()
    {
        var options = new OnnxRunnerOptions(ExecutionProviders: [OnnxExecutionProvider.TensorRt]);
        var ex = Assert.Throws<OnnxModelException>(() => OnnxRunner.Open(CfcPath, CfcSignature.Inputs, CfcSignature.Outputs, options));
        Assert.Contains("TensorRt was asked for, but this ONNX Runtime has only", ex.Message);
        Assert.Contains("CPUExecutionProvider", ex.Message);
    }

    [Fact]
    public void Thread_count_below_one_is_refused()
    {
        var ex = Assert.Throws<OnnxModelException>(() => OnnxRunner.Open(CfcPath, CfcSignature.Inputs, CfcSignature.Outputs, new OnnxRunnerOptions(IntraOpThreads: 0)));
        Assert.Contains("intra-op threads must be >= 1, got 0", ex.Message);
    }

    [Fact]
    public void Bound_run_writes_outputs_in_place_and_allocates_nothing()
    {
        using var runner = OnnxRunner.Open(CfcPath, CfcSignature.Inputs, CfcSignature.Outputs, new OnnxRunnerOptions(IntraOpThreads: 2));
        var buffers = new[] { "x", "h", "ts", "y", "h_next" }.Select(runner.CreateBuffer).ToArray();
        using var binding = runner.Bind(buffers[..3], buffers[3..]);
        buffers[0].Span.Fill(0.5f);
        buffers[2].Span[0] = 0.1f;
        runner.Run(binding);
        Assert.Contains(buffers[3].Span.ToArray(), v => v != 0f);
        Assert.Equal(buffers[3].Span.ToArray(), buffers[4].Span.ToArray());
        Allocations.AssertNonePerCall(() => runner.Run(binding));
        foreach (var b in buffers) b.Dispose();
    }
}
