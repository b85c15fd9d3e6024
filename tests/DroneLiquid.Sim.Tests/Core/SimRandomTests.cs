using DroneLiquid.Sim.Core;

namespace DroneLiquid.Sim.Tests.Core;

public class SimRandomTests
{
    [Fact]
    public void A_seed_gives_the_same_stream_and_forks_are_independent_of_each_other()
    {
        var a = new SimRandom(99);
        var b = new SimRandom(99);
        ulong[] first = Enumerable.Range(0, 8).Select(_ => a.NextUInt64()).ToArray();
        Assert.Equal(first, Enumerable.Range(0, 8).Select(_ => b.NextUInt64()));
        Assert.NotEqual(first, Enumerable.Range(0, 8).Select(_ => new SimRandom(100).NextUInt64()));

        // Drawing from one fork does not shift another fork's numbers.
        SimRandom wind1 = new SimRandom(5).Fork(1), wind2 = new SimRandom(5).Fork(1);
        SimRandom other = new SimRandom(5).Fork(2);
        other.NextUInt64();
        Assert.Equal(wind1.NextUInt64(), wind2.NextUInt64());
        Assert.NotEqual(new SimRandom(5).Fork(1).NextUInt64(), new SimRandom(5).Fork(2).NextUInt64());
    }

    [Fact]
    public void Gaussian_draws_have_zero_mean_and_unit_spread()
    {
        var random = new SimRandom(1234);
        double[] draws = Enumerable.Range(0, 20000).Select(_ => random.NextGaussian()).ToArray();
        double mean = draws.Average();
        double variance = draws.Select(d => (d - mean) * (d - mean)).Average();
        Assert.InRange(mean, -0.03, 0.03);
        Assert.InRange(variance, 0.95, 1.05);
        Assert.All(Enumerable.Range(0, 1000).Select(_ => random.NextDouble()), u => Assert.InRange(u, 0.0, 0.999999999));
    }
}
