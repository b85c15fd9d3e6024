namespace DroneLiquid.Liquid.Reference;

/// <summary>How far computed values are from reference values.</summary>
/// <param name="MaxAbs">Largest |got - want|.</param>
/// <param name="MaxRel">Largest |got - want| / |want| over reference values that are not 0.</param>
/// <param name="Violations">Values with |got - want| &gt; atol + rtol |want|.</param>
/// <param name="Count">Values compared.</param>
/// <param name="WorstAt">Where the largest excess over the tolerance (or, if none, the largest absolute error) is, e.g. "batch 1, step 19, index 3".</param>
public sealed record ErrorSummary(double MaxAbs, double MaxRel, int Violations, int Count, string WorstAt)
{
    public bool Passed => Violations == 0;
}
