namespace DroneLiquid.Sensors.Conversion;

/// <summary>
/// Precomputed resampling weights along one axis: for each output index, a run of source indices (relative to
/// the crop start) with weights that sum to 1.
/// </summary>
internal sealed class ResampleAxis
{
    private ResampleAxis(int[] start, int[] count, int[] index, float[] weight)
    {
        Start = start;
        Count = count;
        Index = index;
        Weight = weight;
    }

    /// <summary>Offset of each output's first tap in <see cref="Index"/>/<see cref="Weight"/>.</summary>
    public int[] Start { get; }

    /// <summary>Number of taps of each output.</summary>
    public int[] Count { get; }

    /// <summary>Source index of each tap.</summary>
    public int[] Index { get; }

    /// <summary>Weight of each tap.</summary>
    public float[] Weight { get; }

    public static ResampleAxis Create(int sourceLength, int outputLength, ResizeMode mode)
    {
        var start = new int[outputLength];
        var count = new int[outputLength];
        var index = new List<int>();
        var weight = new List<float>();
        double scale = (double)sourceLength / outputLength;
        for (int o = 0; o < outputLength; o++)
        {
            start[o] = index.Count;
            if (mode == ResizeMode.Area)
            {
                double from = o * scale, to = (o + 1) * scale;
                for (int p = (int)Math.Floor(from); p < Math.Min(sourceLength, (int)Math.Ceiling(to)); p++)
                {
                    double overlap = Math.Min(to, p + 1) - Math.Max(from, p);
                    if (overlap > 1e-9)
                    {
                        index.Add(p);
                        weight.Add((float)(overlap / scale));
                    }
                }
            }
            else
            {
                double centre = (o + 0.5) * scale - 0.5;
                int p0 = (int)Math.Floor(centre);
                double f = centre - p0;
                int a = Math.Clamp(p0, 0, sourceLength - 1), b = Math.Clamp(p0 + 1, 0, sourceLength - 1);
                if (a == b || f < 1e-9)
                {
                    index.Add(f < 1e-9 ? a : b);
                    weight.Add(1f);
                }
                else
                {
                    index.Add(a);
                    weight.Add((float)(1 - f));
                    index.Add(b);
                    weight.Add((float)f);
                }
            }

            count[o] = index.Count - start[o];
        }

        return new ResampleAxis(start, count, index.ToArray(), weight.ToArray());
    }
}
