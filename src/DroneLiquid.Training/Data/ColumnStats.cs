namespace DroneLiquid.Training.Data;

/// <summary>Per-column mean, standard deviation, minimum and maximum over the training episodes.</summary>
public sealed record ColumnStats(double[] Mean, double[] Std, double[] Min, double[] Max)
{
    /// <summary>A column whose spread is below this is treated as constant (std 1).</summary>
    public const double MinStd = 1e-6;

    public static ColumnStats Compute(IEnumerable<(float[] Values, int Rows)> blocks, int columns)
    {
        var sum = new double[columns];
        var sumSquares = new double[columns];
        var min = Enumerable.Repeat(double.PositiveInfinity, columns).ToArray();
        var max = Enumerable.Repeat(double.NegativeInfinity, columns).ToArray();
        long rows = 0;
        foreach (var (values, count) in blocks)
        {
            for (int r = 0; r < count; r++)
            for (int c = 0; c < columns; c++)
            {
                double v = values[r * columns + c];
                sum[c] += v;
                sumSquares[c] += v * v;
                min[c] = Math.Min(min[c], v);
                max[c] = Math.Max(max[c], v);
            }

            rows += count;
        }

        if (rows == 0)
        {
            throw new ArgumentException("no training rows to compute normalisation statistics from");
        }

        var mean = sum.Select(s => s / rows).ToArray();
        var std = new double[columns];
        for (int c = 0; c < columns; c++)
        {
            double variance = Math.Max(0, sumSquares[c] / rows - mean[c] * mean[c]);
            std[c] = Math.Sqrt(variance) < MinStd ? 1.0 : Math.Sqrt(variance);
        }

        return new ColumnStats(mean, std, min, max);
    }
}
