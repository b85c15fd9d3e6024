namespace DroneLiquid.Liquid.Reference;

/// <summary>Collects |got - want| over many values into an <see cref="ErrorSummary"/>.</summary>
internal sealed class ErrorAccumulator(double atol, double rtol)
{
    private double _maxAbs;
    private double _maxRel;
    private double _worstScore = double.NegativeInfinity;
    private string _worstAt = "";
    private int _violations;
    private int _count;

    public void Add(ReadOnlySpan<float> got, ReadOnlySpan<float> want, string where)
    {
        for (int i = 0; i < want.Length; i++)
        {
            double g = got[i], w = want[i];
            double abs = double.IsFinite(g) ? Math.Abs(g - w) : double.PositiveInfinity;
            double bound = atol + rtol * Math.Abs(w);
            _count++;
            _maxAbs = Math.Max(_maxAbs, abs);
            if (w != 0)
            {
                _maxRel = Math.Max(_maxRel, abs / Math.Abs(w));
            }

            if (!(abs <= bound))
            {
                _violations++;
            }

            double score = abs - bound;
            if (score > _worstScore)
            {
                _worstScore = score;
                _worstAt = $"{where}, index {i}";
            }
        }
    }

    public ErrorSummary Summary() => new(_maxAbs, _maxRel, _violations, _count, _worstAt);
}
