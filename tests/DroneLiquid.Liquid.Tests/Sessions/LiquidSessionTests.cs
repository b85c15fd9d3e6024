using DroneLiquid.Liquid.Models;
using DroneLiquid.Liquid.Sessions;
using DroneLiquid.Liquid.Tensors;
using DroneLiquid.Liquid.Tests.Models;
using DroneLiquid.Liquid.Tests.Reference;

namespace DroneLiquid.Liquid.Tests.Sessions;

public class LiquidSessionTests
{
    private static LiquidSession ReferenceSession(string file)
    {
        var reference = ReferenceFiles.Load(file);
        return LiquidModel.Create(reference.Spec, reference.Weights).CreateSession();
    }

    private static LiquidSession Warmed(string file, int steps = 5)
    {
        var session = ReferenceSession(file);
        var output = new float[session.Model.OutputSize];
        var input = Enumerable.Range(0, session.Model.InputSize).Select(i => 0.3f * i - 0.5f).ToArray();
        for (int t = 0; t < steps; t++) session.Step(input, 0.2f, output);
        return session;
    }

    [Fact]
    public void WrongInputWidthNamesExpectedAndActual()
    {
        var session = ReferenceSession("cfc_default.json");
        var error = Assert.Throws<ArgumentException>(() => session.Step(new float[4], 1f, new float[8]));
        Assert.StartsWith("input has 4 values, the model expects 5", error.Message);
        Assert.Equal(StepStatus.InputWidthMismatch, session.TryStep(new float[6], 1f, new float[8]));
    }

    [Fact]
    public void WrongOutputWidthNamesExpectedAndActual()
    {
        var session = ReferenceSession("wiredcfc_autoncp19.json");
        var error = Assert.Throws<ArgumentException>(() => session.Step(new float[8], 1f, new float[19]));
        Assert.StartsWith("output has room for 19 values, the model produces 4", error.Message);
        Assert.Equal(StepStatus.OutputWidthMismatch, session.TryStep(new float[8], 1f, new float[3]));
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void NonFiniteInputIsRejectedByIndexAndLeavesStateAndOutputUntouched(float bad)
    {
        foreach (string file in new[] { "cfc_default.json", "wiredcfc_autoncp19.json", "ltc_autoncp19.json" })
        {
            var session = Warmed(file);
            float[] before = session.State.ToArray();
            var input = new float[session.Model.InputSize];
            input[2] = bad;
            var output = Enumerable.Repeat(7f, session.Model.OutputSize).ToArray();
            var error = Assert.Throws<ArgumentException>(() => session.Step(input, 0.1f, output));
            Assert.StartsWith($"input[2] is {bad}, expected a finite value; the state was left unchanged", error.Message);
            Assert.Equal(StepStatus.NonFiniteInput, session.TryStep(input, 0.1f, output));
            Assert.Equal(before, session.State.ToArray());
            Assert.All(output, v => Assert.Equal(7f, v));
        }
    }

    [Theory]
    [InlineData(-0.01f)]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void InvalidElapsedTimeIsAClearErrorAndLeavesTheStateAlone(float elapsed)
    {
        var session = Warmed("cfc_pure.json");
        float[] before = session.State.ToArray();
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => session.Step(new float[5], elapsed, new float[8]));
        Assert.Equal("elapsedSeconds", error.ParamName);
        Assert.Contains("elapsed time must be finite and >= 0 seconds", error.Message);
        Assert.Equal(StepStatus.InvalidElapsedTime, session.TryStep(new float[5], elapsed, new float[8]));
        Assert.Equal(before, session.State.ToArray());
    }

    [Fact]
    public void AStepThatComputesNaNIsDiscardedAndReported()
    {
        // LTC without constraints, every conductance and capacitance 0 and epsilon 0: 0 / 0 in the solver.
        var spec = new LtcSpec(3, TestWirings.SmallNcp(), Epsilon: 0f, ImplicitParamConstraints: false);
        var zeroed = new[] { "rnn_cell.w", "rnn_cell.sensory_w", "rnn_cell.gleak", "rnn_cell.cm" };
        var weights = new TensorDictionary(RandomWeights.Create(spec, 3).Tensors.Select(t =>
            zeroed.Contains(t.Name) ? new NamedTensor(t.Name, t.Shape, new float[t.Data.Length]) : t));
        var session = LiquidModel.Create(spec, weights).CreateSession();
        session.SetState([0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f]);
        var output = new float[2];
        Assert.Equal(StepStatus.NonFiniteResult, session.TryStep([1f, 2f, 3f], 0.5f, output));
        var error = Assert.Throws<ArithmeticException>(() => session.Step([1f, 2f, 3f], 0.5f, output));
        Assert.Equal("the step (elapsed 0.5 s) produced a non-finite state[0]; it was discarded and the state left unchanged", error.Message);
        Assert.Equal([0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f], session.State.ToArray());
    }

    [Fact]
    public void ResetReturnsToTheZeroStateAndReplaysIdentically()
    {
        var reference = ReferenceFiles.Load("cfc_default.json");
        var session = LiquidModel.Create(reference.Spec, reference.Weights).CreateSession();
        var first = session.RunSequence(reference.Inputs[0], reference.ElapsedSeconds[0]);
        session.Reset();
        Assert.All(session.State.ToArray(), v => Assert.Equal(0f, v));
        var second = session.RunSequence(reference.Inputs[0], reference.ElapsedSeconds[0]);
        Assert.Equal(first.Outputs, second.Outputs);
    }

    [Fact]
    public void SetStateContinuesASequenceExactlyWhereItWasCut()
    {
        var spec = TestSpecs.All["cfc-mixed-memory-proj"];
        var model = LiquidModel.Create(spec, RandomWeights.Create(spec, 11));
        var random = new Random(1);
        var inputs = Enumerable.Range(0, 10).Select(_ => Enumerable.Range(0, 4).Select(_ => random.NextSingle()).ToArray()).ToArray();
        var whole = model.CreateSession().RunSequence(inputs);
        var head = model.CreateSession();
        head.RunSequence(inputs[..6]);
        var tail = model.CreateSession();
        tail.SetState(head.State, head.CellState);
        var rest = tail.RunSequence(inputs[6..]);
        Assert.Equal(whole.Outputs[6..], rest.Outputs);
        Assert.Equal(whole.CellStates![^1], rest.CellStates![^1]);
    }

    [Fact]
    public void SetStateRejectsWrongWidthsAndNonFiniteValues()
    {
        var session = ReferenceSession("cfc_default.json");
        Assert.StartsWith("state has 7 values, the model's state size is 8", Assert.Throws<ArgumentException>(() => session.SetState(new float[7])).Message);
        Assert.StartsWith("the model has no mixed memory", Assert.Throws<ArgumentException>(() => session.SetState(new float[8], new float[8])).Message);
        var nan = new float[8];
        nan[5] = float.NaN;
        Assert.StartsWith("state[5] is NaN", Assert.Throws<ArgumentException>(() => session.SetState(nan)).Message);
    }

    [Fact]
    public void OneModelServesManyThreadsWithTheSameResultsAsOne()
    {
        var reference = ReferenceFiles.Load("wiredcfc_autoncp19.json");
        var model = LiquidModel.Create(reference.Spec, reference.Weights);
        var alone = model.RunBatch(reference.Inputs, reference.ElapsedSeconds, reference.InitialState);
        var parallel = new SequenceResult[8][];
        Parallel.For(0, parallel.Length, i => parallel[i] = model.RunBatch(reference.Inputs, reference.ElapsedSeconds, reference.InitialState));
        Assert.All(parallel, run => Assert.Equal(alone.Select(r => r.Outputs), run.Select(r => r.Outputs)));
    }

    [Fact]
    public void BatchRowsKeepTheirOwnElapsedTimes()
    {
        var reference = ReferenceFiles.Load("cfc_default.json");
        var model = LiquidModel.Create(reference.Spec, reference.Weights);
        var batch = model.RunBatch(reference.Inputs, reference.ElapsedSeconds);
        var row1 = model.CreateSession().RunSequence(reference.Inputs[1], reference.ElapsedSeconds[1]);
        Assert.Equal(row1.Outputs, batch[1].Outputs);
        var wrong = Assert.Throws<ArgumentException>(() => model.RunBatch(reference.Inputs, reference.ElapsedSeconds[..1]));
        Assert.Equal("elapsedSeconds has 1 rows for a batch of 2 (Parameter 'elapsedSeconds')", wrong.Message);
    }
}
