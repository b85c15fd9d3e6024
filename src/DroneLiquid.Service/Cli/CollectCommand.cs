using System.CommandLine;
using System.Globalization;
using DroneLiquid.Evaluation.Datasets;
using DroneLiquid.Evaluation.Episodes;
using DroneLiquid.Evaluation.Flying;
using DroneLiquid.Liquid.Policies;
using DroneLiquid.Perception.Onnx;

namespace DroneLiquid.Service.Cli;

/// <summary>
/// `droneliquid collect --world forest --episodes N --seed S --out DIR [--image 64x48] [--rate 20] [--noise σ]
/// [--dagger-policy DIR --beta b] [--purpose train|validation] [--wind m/s] [--jitter f] [--drop p] [--workers n]
/// [--json]`: flies episodes with the expert (or a DAgger mix with a learner) in parallel and writes a dataset folder
/// (manifest.json + one .bin per episode, see src/DroneLiquid.Evaluation/Datasets/DATASET.md). Same arguments give a
/// byte-identical folder. Exit 0 when written, 2 for bad input.
/// </summary>
internal static class CollectCommand
{
    public static Command Create()
    {
        var world = new Option<string>("--world") { Description = "World: forest, urban or empty.", Required = true };
        var episodes = new Option<int>("--episodes") { Description = "Episodes to fly (1..1000000).", Required = true };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the run; each episode's world seed derives from it, the purpose and the index.", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Dataset folder to create (must not hold a dataset).", Required = true };
        var image = new Option<string?>("--image") { Description = "Store camera images WIDTHxHEIGHT (e.g. 64x48); default: no images." };
        var rate = new Option<double>("--rate") { Description = "Nominal control (camera) rate, Hz.", DefaultValueFactory = _ => 20.0 };
        var noise = new Option<float>("--noise") { Description = "Standard deviation of the correlated noise added to the flown expert command, m/s (labels stay clean).", DefaultValueFactory = _ => 0f };
        var dagger = new Option<DirectoryInfo?>("--dagger-policy") { Description = "DAgger: the learner policy folder that flies ticks with probability 1-beta." };
        var beta = new Option<double?>("--beta") { Description = "DAgger: probability that the expert flies a tick (0..1, required with --dagger-policy)." };
        var purpose = new Option<string>("--purpose") { Description = "train or validation (test seeds belong to eval).", DefaultValueFactory = _ => "train" };
        var wind = new Option<float>("--wind") { Description = "Mean wind speed, m/s (direction drawn per episode).", DefaultValueFactory = _ => 1.5f };
        var jitter = new Option<double>("--jitter") { Description = "Std of each control interval as a fraction of the period.", DefaultValueFactory = _ => 0.1 };
        var drop = new Option<double>("--drop") { Description = "Probability that a camera frame (and so a control tick) is dropped.", DefaultValueFactory = _ => 0.05 };
        var workers = new Option<int>("--workers") { Description = "Episodes flown at once (default: one per core).", DefaultValueFactory = _ => EpisodeParallel.DefaultWorkers };
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON object on stdout." };
        var command = new Command("collect", "Fly expert (or DAgger) episodes in the simulator and write a training dataset.");
        foreach (Option option in new Option[] { world, episodes, seed, output, image, rate, noise, dagger, beta, purpose, wind, jitter, drop, workers, json })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            CollectOptions options;
            try
            {
                (int width, int height) = parse.GetValue(image) is { } imageText ? EpisodeArguments.ParseImage(imageText) : (0, 0);
                string purposeText = parse.GetValue(purpose)!;
                EpisodePurpose episodePurpose = purposeText switch
                {
                    "train" => EpisodePurpose.Train,
                    "validation" => EpisodePurpose.Validation,
                    _ => throw new ArgumentException($"--purpose: expected train or validation, got '{purposeText}'"),
                };
                string? learner = parse.GetValue(dagger)?.FullName;
                double? betaValue = parse.GetValue(beta);
                if (learner is not null && betaValue is null)
                {
                    throw new ArgumentException("--beta: required with --dagger-policy (probability that the expert flies a tick, 0..1)");
                }

                if (learner is null && betaValue is not null)
                {
                    throw new ArgumentException("--beta: only meaningful with --dagger-policy");
                }

                options = new CollectOptions
                {
                    Settings = new EpisodeSettings
                    {
                        World = EpisodeArguments.ParseWorld(parse.GetValue(world)!),
                        ControlRateHz = parse.GetValue(rate),
                        JitterFraction = parse.GetValue(jitter),
                        FrameDropProbability = parse.GetValue(drop),
                        WindMetresPerSecond = parse.GetValue(wind),
                        ImageWidth = width,
                        ImageHeight = height,
                    },
                    Purpose = episodePurpose,
                    Seed = parse.GetValue(seed),
                    Episodes = parse.GetValue(episodes),
                    OutputDirectory = parse.GetValue(output)!.FullName,
                    Mix = new PilotMix(betaValue ?? 1.0, parse.GetValue(noise), ExpertFallback: true),
                    LearnerDirectory = learner,
                    Workers = parse.GetValue(workers),
                };
                options.Validate();
            }
            catch (ArgumentException ex)
            {
                throw new BadInputException(ex.Message, ex);
            }

            long start = TimeProvider.System.GetTimestamp();
            DatasetManifest manifest;
            try
            {
                manifest = DatasetCollector.Collect(options);
            }
            catch (Exception ex) when (ex is PolicyFormatException or OnnxModelException or IOException or ArgumentException)
            {
                throw new BadInputException(ex.Message, ex);
            }

            double seconds = TimeProvider.System.GetElapsedTime(start).TotalSeconds;
            int samples = manifest.Episodes.Sum(e => e.Samples);
            double success = manifest.Episodes.Count(e => e.ExpertSuccess) / (double)manifest.Episodes.Count;
            long bytes = (long)samples * manifest.RecordBytes;
            if (parse.GetValue(json))
            {
                JsonOutput.WriteLine(new CollectResult(options.OutputDirectory, manifest.World, manifest.Purpose, manifest.Seed, manifest.Episodes.Count, samples,
                    Math.Round(success, 4), bytes, Math.Round(seconds, 2), Math.Round(manifest.Episodes.Count / seconds, 2)));
            }

            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wrote {manifest.Episodes.Count} {manifest.Purpose} episodes ({samples} samples, {bytes / 1e6:0.#} MB) of {manifest.World} to {options.OutputDirectory} in {seconds:0.#} s ({manifest.Episodes.Count / seconds:0.##} episodes/s); flights reached the target in {success:P1}"));
            return ExitCodes.Success;
        });
        return command;
    }

    private sealed record CollectResult(string Out, string World, string Purpose, ulong Seed, int Episodes, int Samples, double SuccessRate, long Bytes, double Seconds, double EpisodesPerSecond);
}
