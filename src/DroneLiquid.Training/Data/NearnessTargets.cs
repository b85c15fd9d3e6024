using System.Numerics;
using DroneLiquid.Evaluation.Episodes;
using DroneLiquid.Sim.Camera;
using DroneLiquid.Sim.Frames;
using DroneLiquid.Sim.Scenarios;
using DroneLiquid.Training.Config;

namespace DroneLiquid.Training.Data;

/// <summary>
/// Stage one's auxiliary target: how near the world is, seen from each recorded frame's pose through the same lens
/// on a coarse grid (<see cref="Columns"/> x <see cref="Rows"/> cells), as nearness 1 / (1 + depth / 4 m) in (0, 1].
/// Geometry, unlike the forest's colours, is the same in a city: a trunk that must also say where things are near
/// has to see shapes and distances. The simulator knows the world, so the target costs nothing to label.
/// </summary>
public static class NearnessTargets
{
    public const int Columns = 16;
    public const int Rows = 12;
    public const int Cells = Columns * Rows;

    private const float HalfNearnessMetres = 4f;

    /// <summary>Nearness of every step of every episode, [Steps * <see cref="Cells"/>] each, in parallel over episodes.</summary>
    /// <exception cref="TrainingConfigException">An episode has no origin (not collected) or its world cannot be rebuilt.</exception>
    public static float[][] Render(IReadOnlyList<TrainingEpisode> episodes)
    {
        var result = new float[episodes.Count][];
        Parallel.For(0, episodes.Count, e => result[e] = Render(episodes[e]));
        return result;
    }

    public static float[] Render(TrainingEpisode episode)
    {
        var (camera, home) = Rebuild(episode, Columns, Rows);
        var origin = episode.Origin!;
        var nearness = new float[episode.Steps * Cells];
        var rgb = new byte[Cells * 3];
        var depth = new float[Cells];
        for (int t = 0; t < episode.Steps; t++)
        {
            var (position, attitude) = PoseAt(origin, t, home);
            camera.Render(position, attitude, rgb, depth);
            for (int c = 0; c < Cells; c++)
            {
                nearness[t * Cells + c] = 1f / (1f + depth[c] / HalfNearnessMetres);
            }
        }

        return nearness;
    }

    /// <summary>A camera of the given size on the episode's rebuilt world (the data set's field of view) and its home, NED.</summary>
    public static (ForwardCamera Camera, Vector3 Home) Rebuild(TrainingEpisode episode, int width, int height)
    {
        var origin = episode.Origin ?? throw new TrainingConfigException($"episode {episode.Id}: nearness targets need collected data (a world to rebuild)");
        EpisodeSetup setup = EpisodeGenerator.Create(origin.Settings, origin.Purpose, origin.Seed, origin.Index);
        if (setup.Layout.WorldSeed != origin.WorldSeed)
        {
            throw new TrainingConfigException(
                $"episode {episode.Id}: its world does not rebuild (world seed {setup.Layout.WorldSeed}, recorded {origin.WorldSeed}); the data set was written with settings the manifest does not record");
        }

        var spec = new CameraSpec(width, height, origin.Settings.CameraFovRadians);
        return (new ForwardCamera(spec, setup.World), setup.Layout.StartNed with { Z = 0f });
    }

    /// <summary>The recorded pose of a step in world NED (position) and body-to-NED attitude.</summary>
    public static (Vector3 Position, Quaternion Attitude) PoseAt(EpisodeOrigin origin, int step, Vector3 home)
    {
        var p = origin.Poses.AsSpan(step * 6, 6);
        return (home + new Vector3(p[0], p[1], p[2]), new EulerAngles(p[3], p[4], p[5]).ToQuaternion());
    }
}
