using DroneLiquid.Liquid.Models;
using DroneLiquid.Liquid.Sessions;
using DroneLiquid.Liquid.Tests.Models;
using DroneLiquid.Liquid.Tests.Reference;
using DroneLiquid.Tests.Shared;

namespace DroneLiquid.Liquid.Tests.Sessions;

/// <summary>The flight tick's promise: after warm-up a step allocates nothing, whatever the architecture.</summary>
public class AllocationTests
{
    private const int Steps = 10_000;

    public static TheoryData<string> Models => new(
        TestSpecs.All.Keys.Concat(ReferenceFiles.All.Where(f => !f.Contains("long500")).Select(f => "file:" + f)));

    [Theory]
    [MemberData(nameof(Models))]
    public void StepAllocatesNothingOver10000StepsAfterWarmUp(string name)
    {
        var session = TestSpecs.Build(name).CreateSession();
        var input = new float[session.Model.InputSize];
        var output = new float[session.Model.OutputSize];
        Run(session, input, output, 200);

        Allocations.AssertNone(() => Run(session, input, output, Steps));

        Assert.All(output, v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void RejectedStepsAllocateNothingEither()
    {
        var reference = ReferenceFiles.Load("wiredcfc_autoncp19.json");
        var session = LiquidModel.Create(reference.Spec, reference.Weights).CreateSession();
        var input = new float[8];
        var output = new float[4];
        var statuses = new StepStatus[3];
        for (int warm = 0; warm < 100; warm++) Reject(session, input, output, statuses);
        Allocations.AssertNone(() =>
        {
            for (int i = 0; i < Steps; i++) Reject(session, input, output, statuses);
        });
        Assert.Equal([StepStatus.NonFiniteInput, StepStatus.InvalidElapsedTime, StepStatus.InputWidthMismatch], statuses);
    }

    private static void Reject(LiquidSession session, float[] input, float[] output, StepStatus[] statuses)
    {
        input[3] = float.NaN;
        statuses[0] = session.TryStep(input, 0.1f, output);
        input[3] = 0f;
        statuses[1] = session.TryStep(input, -1f, output);
        statuses[2] = session.TryStep(input.AsSpan(1), 0.1f, output);
    }

    private static void Run(LiquidSession session, float[] input, float[] output, int steps)
    {
        for (int t = 0; t < steps; t++)
        {
            for (int i = 0; i < input.Length; i++) input[i] = MathF.Sin(0.01f * t + i);
            float dt = 0.01f + 0.001f * (t % 50);
            session.Step(input, dt, output);
        }
    }
}
