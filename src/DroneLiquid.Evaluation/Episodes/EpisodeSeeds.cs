using DroneLiquid.Sim.Worlds;

namespace DroneLiquid.Evaluation.Episodes;

/// <summary>
/// Maps (world kind, purpose, user seed, episode index) to the 64-bit world seed the simulator runs on. The top two
/// bits are the purpose (00 train, 01 validation, 10 test) and the low 62 bits a SplitMix64 hash of the other three,
/// so the three purposes' seed sets are disjoint by construction: no choice of user seeds or indices can make an
/// evaluation episode fly a training world. Everything random in an episode (layout, wind, timing, noise, DAgger
/// draws) forks from this one seed.
/// </summary>
public static class EpisodeSeeds
{
    /// <summary>Bits that carry the purpose.</summary>
    public const int PurposeShift = 62;

    private const ulong HashMask = (1UL << PurposeShift) - 1;

    /// <summary>The world seed of episode <paramref name="index"/> of a run with <paramref name="seed"/>.</summary>
    public static ulong WorldSeed(WorldKind world, EpisodePurpose purpose, ulong seed, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ulong x = seed;
        ulong h = Mix(ref x);
        x ^= ((ulong)(uint)index << 8) | (ulong)world;
        h ^= Mix(ref x);
        return ((ulong)purpose << PurposeShift) | (h & HashMask);
    }

    /// <summary>The purpose a world seed was drawn for.</summary>
    public static EpisodePurpose PurposeOf(ulong worldSeed) => (EpisodePurpose)(worldSeed >> PurposeShift);

    private static ulong Mix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
