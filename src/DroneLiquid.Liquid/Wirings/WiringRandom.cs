namespace DroneLiquid.Liquid.Wirings;

/// <summary>
/// The wiring generators' own deterministic random source: xoshiro256** (Blackman and Vigna, 2018)
/// with its 256-bit state filled by SplitMix64 from the seed. Integer only, so the same seed gives the
/// same wiring on every machine, runtime and CPU.
/// </summary>
/// <remarks>
/// We do not reproduce numpy's streams (ncps draws NCP wirings from <c>RandomState</c> and
/// FullyConnected/Random from <c>default_rng</c>); a model trained in Python carries its matrices.
/// Bounded integers use Lemire's multiply-and-reject method, so they are exactly uniform.
/// </remarks>
internal sealed class WiringRandom
{
    private ulong _s0, _s1, _s2, _s3;

    public WiringRandom(long seed)
    {
        ulong x = unchecked((ulong)seed);
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform integer in [0, <paramref name="bound"/>).</summary>
    public int NextInt(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        ulong range = (ulong)bound;
        UInt128 product = (UInt128)NextUInt64() * range;
        if ((ulong)product < range)
        {
            ulong threshold = (0UL - range) % range;
            while ((ulong)product < threshold)
            {
                product = (UInt128)NextUInt64() * range;
            }
        }

        return (int)(product >> 64);
    }

    /// <summary>One element of <paramref name="items"/>, uniformly.</summary>
    public int Choice(IReadOnlyList<int> items) => items[NextInt(items.Count)];

    /// <summary>+1 or -1 with equal odds (ncps NCP: <c>choice([-1, 1])</c>).</summary>
    public sbyte EvenPolarity() => NextInt(2) == 0 ? (sbyte)-1 : (sbyte)1;

    /// <summary>+1 with odds 2/3, -1 with odds 1/3 (ncps FullyConnected and Random: <c>choice([-1, 1, 1])</c>).</summary>
    public sbyte MostlyExcitatoryPolarity() => NextInt(3) == 0 ? (sbyte)-1 : (sbyte)1;

    /// <summary>
    /// <paramref name="count"/> distinct elements of <paramref name="items"/> in random order
    /// (a partial Fisher-Yates shuffle of a copy).
    /// </summary>
    public int[] Sample(IReadOnlyList<int> items, int count)
    {
        if ((uint)count > (uint)items.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"cannot draw {count} distinct items from {items.Count}");
        }

        int[] pool = [.. items];
        for (int i = 0; i < count; i++)
        {
            int j = i + NextInt(pool.Length - i);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }

        return pool[..count];
    }

    private static ulong SplitMix64(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
