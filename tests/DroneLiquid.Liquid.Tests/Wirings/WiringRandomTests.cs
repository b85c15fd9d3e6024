using DroneLiquid.Liquid.Wirings;

namespace DroneLiquid.Liquid.Tests.Wirings;

public class WiringRandomTests
{
    // Computed by an independent Python (stdlib) transcription of SplitMix64 + xoshiro256**.
    [Theory]
    [InlineData(22222L, 0x7ec86538a29e5f2cUL, 0x952b9ab15fe64caeUL, 0x910bb39507907917UL, 0x5c22d9db9e809755UL)]
    [InlineData(0L, 0x99ec5f36cb75f2b4UL, 0xbf6e1f784956452aUL, 0x1a5f849d4933e6e0UL, 0x6aa594f1262d2d2cUL)]
    public void StreamMatchesTheDocumentedAlgorithm(long seed, ulong first, ulong second, ulong third, ulong fourth)
    {
        var random = new WiringRandom(seed);
        Assert.Equal([first, second, third, fourth], new[] { random.NextUInt64(), random.NextUInt64(), random.NextUInt64(), random.NextUInt64() });
    }

    [Fact]
    public void BoundedIntegersCoverTheRangeEvenly()
    {
        var random = new WiringRandom(7);
        var counts = new int[3];
        for (int i = 0; i < 30_000; i++) counts[random.NextInt(3)]++;
        Assert.All(counts, c => Assert.InRange(c, 9_500, 10_500));
    }

    [Fact]
    public void SampleDrawsDistinctItemsFromThePool()
    {
        var random = new WiringRandom(1);
        int[] pool = [10, 11, 12, 13, 14, 15];
        for (int i = 0; i < 100; i++)
        {
            int[] sample = random.Sample(pool, 4);
            Assert.Equal(4, sample.Distinct().Count());
            Assert.All(sample, s => Assert.Contains(s, pool));
        }
    }

    [Fact]
    public void SampleRefusesMoreThanThePoolHolds()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new WiringRandom(1).Sample([1, 2], 3));
        Assert.Contains("cannot draw 3 distinct items from 2", ex.Message);
    }
}
