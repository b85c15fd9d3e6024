using DroneLiquid.Evaluation.Episodes;

namespace DroneLiquid.Training.Data;

/// <summary>
/// Where a collected episode came from: what rebuilds its world (<see cref="EpisodeGenerator.Create"/> with the data
/// set's settings, purpose, seed and the episode's index, checked against the recorded world seed) and the pose of
/// every step, so a trainer can look at the world from where each frame was taken (<see cref="NearnessTargets"/>).
/// </summary>
/// <param name="Poses">[Steps * 6]: position north, east, down relative to home (the start's ground point), m; roll, pitch, yaw, rad. The autopilot's estimate, as the data set records it.</param>
public sealed record EpisodeOrigin(EpisodeSettings Settings, EpisodePurpose Purpose, ulong Seed, int Index, ulong WorldSeed, float[] Poses)
{
    /// <summary>The data set columns of <see cref="Poses"/>, in order.</summary>
    public static readonly string[] PoseColumns = ["position_ned_north", "position_ned_east", "position_ned_down", "roll", "pitch", "yaw"];
}
