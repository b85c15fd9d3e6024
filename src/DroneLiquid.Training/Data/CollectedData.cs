using DroneLiquid.Evaluation.Datasets;
using DroneLiquid.Evaluation.Episodes;
using DroneLiquid.Sim.Worlds;
using DroneLiquid.Training.Config;

namespace DroneLiquid.Training.Data;

/// <summary>
/// Reads a data set folder written by <c>droneliquid collect</c> (src/DroneLiquid.Evaluation/Datasets/DATASET.md)
/// through <see cref="DatasetReader"/>. Episodes of a <c>validation</c> data set form the validation split. Images
/// (RGB24, row-major) are kept as bytes and re-laid out as CHW planes, so a batch's tensor is
/// <c>value / 255</c> per plane: what <see cref="DatasetReader.ImageToTensor"/> gives the flight side.
/// </summary>
public static class CollectedData
{
    public static TrainingData Load(string folder, TrainingConfig config)
    {
        DatasetReader reader;
        try
        {
            reader = DatasetReader.Open(folder);
        }
        catch (Exception ex) when (ex is DatasetFormatException or IOException or UnauthorizedAccessException)
        {
            throw new TrainingConfigException($"{config.SourcePath}: data set {folder}: {ex.Message} (write it with `droneliquid collect`)");
        }

        var manifest = reader.Manifest;
        bool validation = manifest.Purpose == "validation";
        int width = manifest.Image?.Width ?? 0, height = manifest.Image?.Height ?? 0;
        bool images = config.Vision is not null && manifest.Image is not null;
        var settings = Settings(manifest);
        var purpose = manifest.Purpose == "validation" ? EpisodePurpose.Validation : EpisodePurpose.Train;
        var names = manifest.Features.Select(f => f.Name).ToList();
        var poseColumns = EpisodeOrigin.PoseColumns.Select(c => names.IndexOf(c)).ToArray();
        var episodes = new TrainingEpisode[manifest.Episodes.Count];
        for (int e = 0; e < episodes.Length; e++)
        {
            EpisodeData data;
            try
            {
                data = reader.ReadEpisode(e);
            }
            catch (DatasetFormatException ex)
            {
                throw new TrainingConfigException($"{config.SourcePath}: data set {folder}: {ex.Message}");
            }

            episodes[e] = new TrainingEpisode(
                $"{Path.GetFileName(folder.TrimEnd('/'))}/{manifest.Episodes[e].File}",
                data.Samples,
                data.Features,
                data.ElapsedSeconds,
                data.Actions,
                images ? ToPlanes(data.Images, data.Samples, width, height) : null,
                validation)
            {
                Origin = settings is null || poseColumns.Contains(-1) ? null : new EpisodeOrigin(
                    settings, purpose, manifest.Seed, manifest.Episodes[e].Index, manifest.Episodes[e].WorldSeed, TrainingData.SelectColumns(data.Features, names.Count, data.Samples, poseColumns)),
            };
        }

        return new TrainingData(
            manifest.Features.Select(f => f.Name).ToArray(),
            manifest.Actions.Select(a => a.Name).ToArray(),
            episodes,
            images ? width : 0,
            images ? height : 0);
    }

    /// <summary>The episode settings the manifest records (the rest were collect's defaults); null for a world it does not name.</summary>
    private static EpisodeSettings? Settings(DatasetManifest manifest)
    {
        if (!Enum.TryParse(manifest.World, ignoreCase: true, out WorldKind world))
        {
            return null;
        }

        var settings = new EpisodeSettings
        {
            World = world,
            ControlRateHz = manifest.ControlRateHz,
            JitterFraction = manifest.JitterFraction,
            FrameDropProbability = manifest.FrameDropProbability,
            WindMetresPerSecond = manifest.WindMetresPerSecond,
            TimeLimitSeconds = manifest.TimeLimitSeconds,
        };
        return manifest.Image is { } image
            ? settings with { ImageWidth = image.Width, ImageHeight = image.Height, CameraFovRadians = image.HorizontalFovRadians }
            : settings;
    }

    /// <summary>RGB24 row-major frames to CHW planes (R, G, B), byte for byte.</summary>
    internal static byte[] ToPlanes(byte[] rgb, int frames, int width, int height)
    {
        int pixels = width * height;
        var planes = new byte[rgb.Length];
        for (int f = 0; f < frames; f++)
        {
            int offset = f * pixels * 3;
            for (int p = 0; p < pixels; p++)
            {
                planes[offset + p] = rgb[offset + 3 * p];
                planes[offset + pixels + p] = rgb[offset + 3 * p + 1];
                planes[offset + 2 * pixels + p] = rgb[offset + 3 * p + 2];
            }
        }

        return planes;
    }
}
