using System.Security.Cryptography;
using DroneLiquid.Liquid.Models;
using DroneLiquid.Liquid.Reference;
using Xunit.Abstractions;

namespace DroneLiquid.Liquid.Tests.Reference;

/// <summary>Parity with ncps: every reference file within 1e-5 + 1e-5 |want| on outputs, per-step and final states.</summary>
public class ReferenceParityTests(ITestOutputHelper log)
{
    [Theory]
    [MemberData(nameof(ReferenceFiles.Names), MemberType = typeof(ReferenceFiles))]
    public void MatchesNcpsOnOutputsPerStepStatesAndFinalState(string file)
    {
        var reference = ReferenceFiles.Load(file);
        var check = ReferenceRunner.Check(reference);
        log.WriteLine($"{file}: outputs {check.Outputs.MaxAbs:E2} abs / {check.Outputs.MaxRel:E2} rel, states {check.States.MaxAbs:E2}, final {check.FinalState.MaxAbs:E2}");
        Assert.True(check.Outputs.Passed, $"outputs: {check.Outputs}");
        Assert.True(check.States.Passed, $"per-step states: {check.States}");
        Assert.True(check.FinalState.Passed, $"final state: {check.FinalState}");
        Assert.Equal(reference.Batch * reference.SequenceLength * reference.Spec.OutputSize, check.Outputs.Count);
        // A float32 implementation lands within ~6e-7 of ncps (README); far below the tolerance.
        Assert.True(check.Outputs.MaxAbs < 2e-6, $"max abs output error {check.Outputs.MaxAbs}");
    }

    [Fact]
    public void LongRunShowsNoDriftOverItsLast50Steps()
    {
        var reference = ReferenceFiles.Load("cfc_default_long500.json");
        Assert.Equal(500, reference.SequenceLength);
        var model = LiquidModel.Create(reference.Spec, reference.Weights);
        var first = ReferenceRunner.Check(model, reference, firstStep: 0);
        var last = ReferenceRunner.Check(model, reference, firstStep: 450);
        log.WriteLine($"whole run max abs {first.States.MaxAbs:E2}, last 50 steps max abs {last.States.MaxAbs:E2}");
        Assert.True(last.Passed, $"last 50 steps: {last.States}");
        Assert.Equal(50 * reference.Spec.StateSize, last.States.Count);
        Assert.True(last.States.MaxAbs < 2e-6, $"state error over the last steps grew to {last.States.MaxAbs}");
    }

    [Fact]
    public void ACorruptedWeightIsCaughtByTheComparison()
    {
        var reference = ReferenceFiles.Load("cfc_default.json");
        var weights = new Tensors.TensorDictionary(reference.Weights.Tensors.Select(t =>
            t.Name == "rnn_cell.ff1.bias" ? new Tensors.NamedTensor(t.Name, t.Shape, t.Data.Select((v, i) => i == 0 ? v + 1e-3f : v).ToArray()) : t));
        var check = ReferenceRunner.Check(LiquidModel.Create(reference.Spec, weights), reference);
        Assert.False(check.Passed);
        Assert.True(check.Outputs.Violations > 0);
    }

    [Fact]
    public void CopiedFilesMatchTheirPublishedChecksums()
    {
        var sums = File.ReadAllLines(ReferenceFiles.PathOf("SHA256SUMS"))
            .Select(line => line.Split("  ", 2))
            .ToDictionary(parts => parts[1], parts => parts[0]);
        foreach (string file in ReferenceFiles.All)
        {
            string actual = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(ReferenceFiles.PathOf(file))));
            Assert.Equal(sums[file], actual);
        }
    }
}
