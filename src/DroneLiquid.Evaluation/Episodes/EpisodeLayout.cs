using System.Numerics;
using DroneLiquid.Sim.Worlds;

namespace DroneLiquid.Evaluation.Episodes;

/// <summary>
/// One episode as drawn by <see cref="EpisodeGenerator"/>: its identity (world kind, purpose, user seed, index), the
/// world seed derived from them, and the layout drawn from that seed: start (hovering at cruise height), start heading,
/// target (at cruise height) and mean wind. Positions are simulator NED metres; home is the start's ground point.
/// </summary>
public sealed record EpisodeLayout(
    WorldKind World,
    EpisodePurpose Purpose,
    ulong Seed,
    int Index,
    ulong WorldSeed,
    Vector3 StartNed,
    float StartYawRadians,
    Vector3 TargetNed,
    Vector3 WindMeanNed)
{
    /// <summary>Straight-line distance from start to target, metres.</summary>
    public float StraightLineMetres => Vector3.Distance(StartNed, TargetNed);
}
