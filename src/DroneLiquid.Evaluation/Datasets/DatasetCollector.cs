using System.Globalization;
using DroneLiquid.Evaluation.Episodes;
using DroneLiquid.Evaluation.Flying;
using DroneLiquid.Evaluation.Runs;
using DroneLiquid.Flight.Policies;
using DroneLiquid.Liquid.Policies;
using DroneLiquid.Perception.Onnx;

namespace DroneLiquid.Evaluation.Datasets;

/// <summary>
/// Collects a dataset: episodes flown in parallel (one <see cref="EpisodeRunner"/> and, for DAgger, one learner
/// <see cref="FlightPolicy"/> per worker), each written to its own episode file, then the manifest in episode order.
/// Every episode depends only on its index, so the same options give a byte-identical folder on any number of cores.
/// </summary>
public static class DatasetCollector
{
    /// <exception cref="ArgumentException">Bad options, or a DAgger learner whose image does not match the dataset's.</exception>
    /// <exception cref="IOException">The output folder already holds a dataset.</exception>
    public static DatasetManifest Collect(CollectOptions options, Action<int>? completed = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        string output = options.OutputDirectory;
        if (File.Exists(Path.Combine(output, DatasetManifest.FileName)) || (Directory.Exists(output) && Directory.EnumerateFiles(output, "*.bin").Any()))
        {
            throw new IOException($"{output}: already holds a dataset; choose an empty or new folder");
        }

        Directory.CreateDirectory(output);
        DatasetDagger? dagger = null;
        if (options.LearnerDirectory is { } learnerDirectory)
        {
            using FlightPolicy probe = FlightPolicy.Open(learnerDirectory, OnnxRunnerOptions.Default);
            dagger = new DatasetDagger(probe.Document.Name, PolicyFolder.Sha256(Path.Combine(learnerDirectory, PolicyFolder.PolicyFileName)), options.Mix.ExpertProbability);
            EpisodeRunner.CheckImage(options.Settings, probe);
        }

        EpisodeSettings settings = options.Settings;
        var features = EpisodeRunner.AllFeatures().Select(f => new DatasetColumn(f.Name, f.Unit)).ToArray();
        DatasetImage? image = settings.HasCamera ? new DatasetImage(settings.ImageWidth, settings.ImageHeight, HorizontalFovRadians: settings.CameraFovRadians) : null;
        int imageBytes = image is null ? 0 : image.Width * image.Height * 3;
        int digits = Math.Max(5, (options.Episodes - 1).ToString(CultureInfo.InvariantCulture).Length);

        DatasetEpisode[] episodes = EpisodeParallel.Run(
            options.Episodes,
            options.Workers,
            () => new EpisodeWorker(settings, options.LearnerDirectory),
            (worker, index) =>
            {
                EpisodeSetup setup = EpisodeGenerator.Create(settings, options.Purpose, options.Seed, index);
                string file = string.Create(CultureInfo.InvariantCulture, $"episode_{index.ToString(new string('0', digits), CultureInfo.InvariantCulture)}.bin");
                EpisodeResult result;
                int samples;
                using (var writer = new EpisodeWriter(Path.Combine(output, file), features.Length, imageBytes))
                {
                    result = worker.Runner.Fly(setup, options.Mix, writer);
                    samples = writer.Count;
                }

                return new DatasetEpisode(file, index, setup.Layout.WorldSeed, samples, result.Success, result.Outcome);
            },
            completed);

        var manifest = new DatasetManifest
        {
            World = settings.World.ToString().ToLowerInvariant(),
            Purpose = options.Purpose.ToString().ToLowerInvariant(),
            Seed = options.Seed,
            ControlRateHz = settings.ControlRateHz,
            JitterFraction = settings.JitterFraction,
            FrameDropProbability = settings.FrameDropProbability,
            WindMetresPerSecond = settings.WindMetresPerSecond,
            TimeLimitSeconds = settings.TimeLimitSeconds,
            NoiseStd = options.Mix.NoiseStd,
            Dagger = dagger,
            Image = image,
            Features = features,
            Actions = EpisodeRunner.ActionColumns,
            RecordBytes = DatasetManifest.RecordBytesFor(features.Length, EpisodeWriter.ActionCount, image),
            Episodes = episodes,
        };
        DatasetManifestJson.Write(Path.Combine(output, DatasetManifest.FileName), manifest);
        return manifest;
    }
}
