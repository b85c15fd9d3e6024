using DroneLiquid.Liquid.Models;
using DroneLiquid.Liquid.Policies;
using DroneLiquid.Perception.Onnx;

namespace DroneLiquid.Perception.Recurrent;

/// <summary>Runs the pairs of a <see cref="OnnxStepReference"/> through its ONNX graph and through the native runtime.</summary>
public static class OnnxStepReferenceRunner
{
    /// <summary>Checks the graph's SHA-256 against the reference, then every pair (state set from the pair's h).</summary>
    /// <exception cref="OnnxModelException">The graph is missing, changed (hash), corrupt or has another signature.</exception>
    public static OnnxStepCheck CheckOnnx(OnnxStepReference reference, double atol, double rtol, OnnxRunnerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (!File.Exists(reference.OnnxPath))
        {
            throw new OnnxModelException(reference.OnnxPath, $"missing, but {reference.Path} names it as its graph");
        }

        string sha = PolicyFolder.Sha256(reference.OnnxPath);
        if (reference.OnnxSha256.Length > 0 && sha != reference.OnnxSha256)
        {
            throw new OnnxModelException(reference.OnnxPath, $"SHA-256 is {sha}, but {reference.Path} says {reference.OnnxSha256}: the file changed or is corrupt");
        }

        using var session = OnnxStepSession.Open(reference.OnnxPath, reference.Signature, options);
        return Run("onnx", reference, atol, rtol, (pair, y) =>
        {
            session.SetState(pair.H);
            session.Step(pair.X, pair.Ts, y);
            return session.State.ToArray();
        });
    }

    /// <summary>The same pairs through a native model (the weights of <see cref="OnnxStepReference.SameWeightsAs"/>).</summary>
    public static OnnxStepCheck CheckNative(OnnxStepReference reference, LiquidModel model, double atol, double rtol)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(model);
        var session = model.CreateSession();
        return Run("native", reference, atol, rtol, (pair, y) =>
        {
            session.SetState(pair.H);
            session.Step(pair.X, pair.Ts, y);
            return session.State.ToArray();
        });
    }

    /// <summary>The ncps vector file with the same weights: beside the step file, or one folder up (the shared reference layout).</summary>
    public static string? FindSameWeights(OnnxStepReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.SameWeightsAs is not { Length: > 0 } name) return null;
        string dir = Path.GetDirectoryName(Path.GetFullPath(reference.Path))!;
        return new[] { Path.Combine(dir, name), Path.Combine(dir, "..", name) }.Select(Path.GetFullPath).FirstOrDefault(File.Exists);
    }

    private static OnnxStepCheck Run(string engine, OnnxStepReference reference, double atol, double rtol, Func<OnnxStepPair, float[], float[]> step)
    {
        double maxAbs = 0;
        int violations = 0, count = 0;
        void Compare(ReadOnlySpan<float> got, ReadOnlySpan<float> want)
        {
            for (int i = 0; i < want.Length; i++)
            {
                double error = float.IsFinite(got[i]) ? Math.Abs((double)got[i] - want[i]) : double.PositiveInfinity;
                maxAbs = Math.Max(maxAbs, error);
                if (!(error <= atol + rtol * Math.Abs(want[i]))) violations++;
                count++;
            }
        }

        foreach (var pair in reference.Pairs)
        {
            var y = new float[reference.Signature.OutputSize];
            var hNext = step(pair, y);
            Compare(y, pair.Y);
            Compare(hNext, pair.HNext);
        }

        return new OnnxStepCheck(engine, maxAbs, violations, count);
    }
}
