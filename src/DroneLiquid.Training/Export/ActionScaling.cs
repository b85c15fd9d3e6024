using DroneLiquid.Training.Data;

namespace DroneLiquid.Training.Export;

/// <summary>
/// How targets are normalised for training and undone in policy.json: <c>target = (command - Offset) / Scale</c>
/// with Offset the training mean and Scale the largest deviation from it, so targets lie in [-1, 1] (the range
/// of a wired CfC's motor neurons); the command limits are the training range widened by 10%.
/// </summary>
public sealed record ActionScaling(double[] Offset, double[] Scale, double[] Min, double[] Max)
{
    public static ActionScaling From(ColumnStats stats)
    {
        int n = stats.Mean.Length;
        var scale = new double[n];
        var min = new double[n];
        var max = new double[n];
        for (int i = 0; i < n; i++)
        {
            double deviation = Math.Max(stats.Max[i] - stats.Mean[i], stats.Mean[i] - stats.Min[i]);
            scale[i] = deviation > ColumnStats.MinStd ? deviation : 1.0;
            double margin = 0.1 * Math.Max(stats.Max[i] - stats.Min[i], ColumnStats.MinStd);
            min[i] = stats.Min[i] - margin;
            max[i] = stats.Max[i] + margin;
        }

        return new ActionScaling(stats.Mean.ToArray(), scale, min, max);
    }
}
