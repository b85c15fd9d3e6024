using DroneLiquid.Liquid.Sessions;
using DroneLiquid.Perception.Onnx;
using DroneLiquid.Perception.Recurrent;
using DroneLiquid.Tests.Shared;

namespace DroneLiquid.Perception.Tests.Recurrent;

public class OnnxStepSessionTests
{
    public static TheoryData<string> StepFiles => new("cfc_default_step.json", "wiredcfc_autoncp19_step.json");

    [Theory]
    [MemberData(nameof(StepFiles))]
    public void Reference_graph_reproduces_its_torch_pairs(string file)
    {
        var check = OnnxStepReferenceRunner.CheckOnnx(OnnxStepReference.Load(TestFiles.Onnx(file)), atol: 1e-6, rtol: 0);
        Assert.True(check.Passed && check.Count > 0, $"{check.Violations} of {check.Count} values off, max {check.MaxAbs}");
    }

    [Theory]
    [MemberData(nameof(StepFiles))]
    public void Same_weights_in_the_native_runtime_give_the_same_outputs(string file)
    {
        var reference = OnnxStepReference.Load(TestFiles.Onnx(file));
        Assert.Equal(TestFiles.Reference(reference.SameWeightsAs!), OnnxStepReferenceRunner.FindSameWeights(reference));
        var model = TestFiles.LoadModel(reference.SameWeightsAs!).CreateModel();
        var check = OnnxStepReferenceRunner.CheckNative(reference, model, atol: 1e-5, rtol: 0);
        Assert.True(check.Passed && check.Count > 0, $"{check.Violations} of {check.Count} values off, max {check.MaxAbs}");
    }

    [Fact]
    public void State_carries_across_steps_through_the_swapped_buffers()
    {
        var reference = OnnxStepReference.Load(TestFiles.Onnx("cfc_default_step.json"));
        using var session = OnnxStepSession.Open(reference.OnnxPath, reference.Signature);
        var y = new float[8];
        // Pairs 0..2 chain from the zero state: no SetState between them.
        for (int i = 0; i < 3; i++)
        {
            var pair = reference.Pairs[i];
            Assert.True(MaxAbsDifference.Of(session.State, pair.H) <= 1e-6);
            session.Step(pair.X, pair.Ts, y);
            Assert.True(MaxAbsDifference.Of(session.State, pair.HNext) <= 1e-6);
        }

        session.Reset();
        Assert.All(session.State.ToArray(), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Bad_steps_leave_state_and_output_untouched()
    {
        var reference = OnnxStepReference.Load(TestFiles.Onnx("cfc_default_step.json"));
        using var session = OnnxStepSession.Open(reference.OnnxPath, reference.Signature);
        session.SetState(reference.Pairs[3].H);
        var before = session.State.ToArray();
        var y = new float[8];
        Assert.Equal(StepStatus.NonFiniteInput, session.TryStep([1, 2, float.NaN, 4, 5], 0.1f, y));
        Assert.Equal(StepStatus.InvalidElapsedTime, session.TryStep([1, 2, 3, 4, 5], -1f, y));
        Assert.Equal(StepStatus.InputWidthMismatch, session.TryStep([1, 2, 3], 0.1f, y));
        Assert.Equal(StepStatus.OutputWidthMismatch, session.TryStep([1, 2, 3, 4, 5], 0.1f, new float[3]));
        Assert.Equal(before, session.State.ToArray());
        Assert.All(y, v => Assert.Equal(0f, v));
        Assert.Throws<ArgumentException>(() => session.Step([1, 2, 3], 0.1f, y));
    }

    [Fact]
    public void Graph_with_another_signature_is_refused_naming_the_file()
    {
        var ex = Assert.Throws<OnnxModelException>(() => OnnxStepSession.Open(TestFiles.Onnx("wiredcfc_autoncp19_step.onnx"), new OnnxStepSignature(5, 8, 8)));
        Assert.Contains("wiredcfc_autoncp19_step.onnx: ", ex.Message);
        Assert.Contains("input 'x' has shape [1, 8], expected [1, 5]", ex.Message);
    }

    [Theory]
    [MemberData(nameof(StepFiles))]
    public void Step_allocates_nothing(string file)
    {
        var reference = OnnxStepReference.Load(TestFiles.Onnx(file));
        using var session = OnnxStepSession.Open(reference.OnnxPath, reference.Signature);
        var y = new float[reference.Signature.OutputSize];
        var x = reference.Pairs[0].X;
        Allocations.AssertNonePerCall(() => session.Step(x, 0.05f, y));
    }
}
