using DroneLiquid.Training.Data;
using DroneLiquid.Training.Modules;
using static TorchSharp.torch;

namespace DroneLiquid.Training.Tests.Modules;

/// <summary>The bands are the nearness readout's prediction averaged over vertical strips of the view, left to right.</summary>
public sealed class NearnessBandsTests
{
    private const int Features = 5, Cells = NearnessTargets.Cells, Columns = NearnessTargets.Columns;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(16)]
    public void EachBandIsTheMeanPredictedNearnessOfItsColumns(int bands)
    {
        TorchSetup.Initialise();
        var random = new Random(3);
        var weight = Values(random, Cells * Features);
        var bias = Values(random, Cells);
        var features = Values(random, 3 * Features);
        using var module = new NearnessBands(weight, bias, Features, bands);

        var appended = module.Append([features])[0];

        Assert.Equal(3 * (Features + bands), appended.Length);
        for (int step = 0; step < 3; step++)
        {
            var row = appended.AsSpan(step * (Features + bands), Features + bands);
            Assert.Equal(features.AsSpan(step * Features, Features).ToArray(), row[..Features].ToArray());
            // The full grid the readout predicts, then each band's mean over its columns and every row.
            var sums = new double[bands];
            for (int cell = 0; cell < Cells; cell++)
            {
                double near = bias[cell];
                for (int f = 0; f < Features; f++)
                {
                    near += weight[cell * Features + f] * features[step * Features + f];
                }

                sums[cell % Columns * bands / Columns] += near;
            }

            for (int b = 0; b < bands; b++)
            {
                Assert.Equal(sums[b] / (Cells / bands), row[Features + b], 1e-4);
            }
        }
    }

    [Fact]
    public void BandsThatDoNotSplitTheColumnsOrAReadoutOfAnotherSizeAreRefused()
    {
        TorchSetup.Initialise();
        Assert.Throws<ArgumentException>(() => new NearnessBands(new float[Cells * Features], new float[Cells], Features, 3));
        Assert.Throws<ArgumentException>(() => new NearnessBands(new float[Cells * Features], new float[Cells], Features, 0));
        Assert.Throws<ArgumentException>(() => new NearnessBands(new float[Cells * 4], new float[Cells], Features, 4));
    }

    [Fact]
    public void TheModuleAppendsWhatTheCachedFeaturePathAppends()
    {
        TorchSetup.Initialise();
        var random = new Random(8);
        using var module = new NearnessBands(Values(random, Cells * Features), Values(random, Cells), Features, 4);
        var features = Values(random, 2 * Features);
        float[] forward;
        using (no_grad())
        {
            forward = module.call(tensor(features, [2, Features])).data<float>().ToArray();
        }

        var cached = module.Append([features])[0];
        Assert.Equal(forward.Length, cached.Length);
        for (int i = 0; i < cached.Length; i++)
        {
            Assert.Equal(forward[i], cached[i], 1e-6);
        }
    }

    private static float[] Values(Random random, int count) => Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
}
