using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DroneLiquid.Training.Config;
using DroneLiquid.Training.Data;
using DroneLiquid.Training.Export;
using DroneLiquid.Training.Modules;
using TorchSharp;
using static TorchSharp.torch;

namespace DroneLiquid.Training.Trainer;

/// <summary>
/// Stage one of a vision run (<see cref="TrunkPretrainConfig"/>): trains the trunk with a <see cref="FrameReadout"/>
/// on single frames, keeps the best-on-validation trunk, and caches its features for every frame. Checkpoints
/// every epoch like the head's; a rerun resumes, and a finished stage is reused as is.
/// </summary>
public static class TrunkPretrainer
{
    /// <summary>Nulls are left out, so an optional setting added later, when unset, leaves existing checkpoints valid.</summary>
    private static readonly JsonSerializerOptions FingerprintJson = new(TrainingConfig.JsonOptions) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };


    /// <param name="trunk">Trained in place; on return it holds the best-on-validation weights.</param>
    public static PretrainedTrunk Run(
        TorchConvTrunk trunk,
        TrainingConfig config,
        IReadOnlyList<TrainingEpisode> training,
        IReadOnlyList<TrainingEpisode> validation,
        ITrainingProgress progress,
        bool restart,
        CancellationToken cancellation)
    {
        var vision = config.Vision!;
        var pre = vision.Pretrain!;
        string folder = Folder(config);
        Directory.CreateDirectory(folder);
        int nObs = config.Observations.Count, nAct = config.Actions.Count, imageLength = 3 * vision.Width * vision.Height;
        var all = training;
        var allValidation = validation;
        training = Subset(training, pre.Data, "training");
        validation = Subset(validation, pre.Data, "validation");
        // Normalised from its own episodes, so the trunk depends on nothing but what its fingerprint names.
        var observationStats = ColumnStats.Compute(training.Select(e => (e.Observations, e.Steps)), nObs);
        var scaling = ActionScaling.From(ColumnStats.Compute(training.Select(e => (e.Actions, e.Steps)), nAct));
        var trainFrames = new WindowBatcher(training, observationStats, scaling, nObs, nAct, window: 1, imageLength);
        var validationFrames = new WindowBatcher(validation, observationStats, scaling, nObs, nAct, window: 1, imageLength);
        double nearnessWeight = pre.NearnessWeight ?? 0;
        using var readout = new FrameReadout(trunk, nObs, nAct, pre.Hidden, nearnessWeight > 0 ? NearnessTargets.Cells : 0);
        var parameters = readout.parameters().ToArray();
        using var optimizer = optim.Adam(parameters, pre.LearningRate);

        var checkpoint = new TrainingCheckpoint(folder);
        string fingerprint = Fingerprint(config, training, validation);
        var state = new CheckpointState(fingerprint, 0, 0, 0, double.PositiveInfinity, []);
        if (restart)
        {
            checkpoint.Clear();
            DeleteFeatures(folder);
        }
        else if (checkpoint.TryReadState() is { } saved)
        {
            if (saved.Fingerprint != fingerprint)
            {
                throw new TrainingConfigException($"{folder}: the trunk checkpoint is from another config or data set; run with --restart to discard it");
            }

            checkpoint.Restore(readout, optimizer);
            state = saved;
        }

        var schedule = new OptimisationConfig(Epochs: pre.Epochs, LearningRate: pre.LearningRate, LearningRateFinal: pre.LearningRateFinal);
        int framesPerEpoch = pre.FrameFraction is { } fraction ? Math.Max(1, (int)Math.Round(trainFrames.Windows.Count * fraction)) : trainFrames.Windows.Count;
        int batchesPerEpoch = (framesPerEpoch + pre.Batch - 1) / pre.Batch;
        progress.Started("trunk", state.Epoch + 1, pre.Epochs, batchesPerEpoch);
        var history = state.History.ToList();
        // Rendered only when an epoch is left to train: a finished stage needs none.
        var nearness = nearnessWeight > 0 && state.Epoch < pre.Epochs ? NearnessTargets.Render(training) : null;
        for (int epoch = state.Epoch + 1; epoch <= pre.Epochs; epoch++)
        {
            cancellation.ThrowIfCancellationRequested();
            DeleteFeatures(folder); // cached from a trunk this epoch replaces
            double lr = BehaviourCloningTrainer.LearningRate(schedule, epoch);
            foreach (var group in optimizer.ParamGroups)
            {
                group.LearningRate = lr;
            }

            readout.train();
            var order = trainFrames.Shuffled(BehaviourCloningTrainer.EpochSeed(config.Seed, epoch))[..framesPerEpoch];
            double lossSum = 0;
            int batches = 0, steps = state.Steps;
            for (int start = 0; start < order.Length; start += pre.Batch)
            {
                using var scope = NewDisposeScope();
                var indices = order.AsSpan(start, Math.Min(pre.Batch, order.Length - start));
                var batch = trainFrames.Batch(indices, vision.Height, vision.Width);
                var images = pre.Augment ? ColourAugmentation.Apply(batch.Images!, new Random(BehaviourCloningTrainer.EpochSeed(config.Seed, epoch) ^ start)) : batch.Images!;
                var (commands, near) = readout.ForwardWithNearness(images.squeeze(1), batch.Observations.squeeze(1));
                var loss = BehaviourCloningTrainer.MaskedMse(commands.unsqueeze(1), batch.Targets, batch.Mask);
                if (nearness is not null)
                {
                    loss = loss + (nearnessWeight * nn.functional.mse_loss(near!, NearnessBatch(trainFrames, nearness, indices)));
                }

                double value = BehaviourCloningTrainer.Step(optimizer, parameters, loss, config.Training.ClipNorm);
                lossSum += value;
                batches++;
                steps++;
                progress.Batch(epoch, batches, value);
            }

            double validationLoss = BehaviourCloningTrainer.Evaluate(readout, (obs, _, images) => Forward(readout, obs, images!), validationFrames, pre.Batch, vision.Height, vision.Width);
            bool best = validationLoss < state.BestValidationLoss;
            var summary = new EpochSummary(epoch, lossSum / Math.Max(1, batches), validationLoss, lr, steps, best);
            history.Add(summary);
            state = new CheckpointState(fingerprint, epoch, steps, best ? epoch : state.BestEpoch, best ? validationLoss : state.BestValidationLoss, history);
            checkpoint.Save(readout, optimizer, state, best);
            progress.Epoch(summary);
        }

        readout.load(checkpoint.BestModelPath);
        // Features of every episode the head trains or validates on, cached per data set: a run that adds a set (a new
        // DAgger round) computes the features of that set only.
        var episodes = all.Concat(allValidation).ToArray();
        var features = new float[episodes.Length][];
        foreach (var set in Enumerable.Range(0, episodes.Length).GroupBy(i => SetName(episodes[i])))
        {
            var members = set.Select(i => episodes[i]).ToArray();
            string path = Path.Combine(folder, $"features-{set.Key}{EpisodeListHash(members)}.bin");
            var setFeatures = ReadFeatures(path, members, trunk.Features);
            if (setFeatures is null)
            {
                setFeatures = Features(trunk, members);
                WriteFeatures(path, setFeatures);
            }

            int k = 0;
            foreach (int i in set)
            {
                features[i] = setFeatures[k++];
            }
        }

        return new PretrainedTrunk(features[..all.Count], features[all.Count..], state.BestEpoch, history, readout.Nearness);
    }

    /// <summary>The trunk stage's folder: the configured one, or "trunk" inside the run's checkpoints.</summary>
    public static string Folder(TrainingConfig config) =>
        config.Vision?.Pretrain is { Checkpoints: { Length: > 0 } folder } ? folder : Path.Combine(config.Checkpoints, "trunk");

    /// <summary>The trunk's features of every frame, per episode [steps * features], in eval mode.</summary>
    public static float[][] Features(TorchConvTrunk trunk, IReadOnlyList<TrainingEpisode> episodes)
    {
        const int Chunk = 256;
        trunk.eval();
        using var _ = no_grad();
        int imageLength = 3 * trunk.Width * trunk.Height;
        var result = new float[episodes.Count][];
        for (int e = 0; e < episodes.Count; e++)
        {
            var episode = episodes[e];
            var features = result[e] = new float[episode.Steps * trunk.Features];
            for (int start = 0; start < episode.Steps; start += Chunk)
            {
                using var scope = NewDisposeScope();
                int count = Math.Min(Chunk, episode.Steps - start);
                var pixels = new float[count * imageLength];
                WindowBatcher.ToUnit(episode.Images!.AsSpan(start * imageLength, count * imageLength), pixels);
                var output = trunk.call(tensor(pixels, [count, 3, trunk.Height, trunk.Width]));
                output.data<float>().CopyTo(features.AsSpan(start * trunk.Features, count * trunk.Features));
            }
        }

        return result;
    }

    /// <summary>The nearness targets of single-frame windows, [n, cells].</summary>
    private static Tensor NearnessBatch(WindowBatcher frames, float[][] nearness, ReadOnlySpan<int> windowIndices)
    {
        const int Cells = NearnessTargets.Cells;
        var values = new float[windowIndices.Length * Cells];
        for (int i = 0; i < windowIndices.Length; i++)
        {
            var (e, step) = frames.Windows[windowIndices[i]];
            nearness[e].AsSpan(step * Cells, Cells).CopyTo(values.AsSpan(i * Cells));
        }

        return tensor(values, [windowIndices.Length, Cells]);
    }

    private static Tensor Forward(FrameReadout readout, Tensor observations, Tensor images) =>
        readout.Forward(images.squeeze(1), observations.squeeze(1)).unsqueeze(1);

    /// <summary>What stage one depends on: data, split, seed, inputs, image, feature width and its own settings; not the head's.</summary>
    private static string Fingerprint(TrainingConfig config, IReadOnlyList<TrainingEpisode> training, IReadOnlyList<TrainingEpisode> validation)
    {
        // Epochs are left out, as for the head: raising them extends a finished stage instead of refusing it.
        // Which data sets stage one reads is in the episode list below.
        var vision = config.Vision! with { NearnessBands = null, Pretrain = config.Vision!.Pretrain! with { Checkpoints = string.Empty, Epochs = 0, Data = null } };
        var identity = new StringBuilder(JsonSerializer.Serialize(
            new { config.Seed, config.Observations, config.Actions, vision, config.Training.ClipNorm, config.Training.ValidationFraction },
            FingerprintJson));
        foreach (var (e, split) in training.Select(e => (e, 't')).Concat(validation.Select(e => (e, 'v'))))
        {
            identity.Append('|').Append(e.Id).Append(':').Append(e.Steps).Append(split);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity.ToString())));
    }

    /// <summary>The training or validation episodes of the named data sets (all when null); episode ids start with their set's folder name.</summary>
    private static IReadOnlyList<TrainingEpisode> Subset(IReadOnlyList<TrainingEpisode> episodes, IReadOnlyList<string>? data, string split)
    {
        if (data is null)
        {
            return episodes;
        }

        var prefixes = data.Select(d => Path.GetFileName(d.TrimEnd('/')) + "/").ToArray();
        var subset = episodes.Where(e => prefixes.Any(p => e.Id.StartsWith(p, StringComparison.Ordinal))).ToList();
        return subset.Count > 0 || episodes.Count == 0 ? subset : throw new TrainingConfigException($"vision.pretrain.data: [{string.Join(", ", data)}] hold no {split} episode");
    }

    /// <summary>The data set an episode came from ("name-" for a file name), from its id ("set/episode"); empty without one.</summary>
    private static string SetName(TrainingEpisode episode) =>
        episode.Id.IndexOf('/') is > 0 and int slash ? episode.Id[..slash] + "-" : string.Empty;

    private static string EpisodeListHash(IEnumerable<TrainingEpisode> episodes) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', episodes.Select(e => $"{e.Id}:{e.Steps}")))))[..16];

    private static void DeleteFeatures(string folder)
    {
        foreach (string file in Directory.EnumerateFiles(folder, "features-*.bin"))
        {
            File.Delete(file);
        }
    }

    private static float[][]? ReadFeatures(string path, IReadOnlyList<TrainingEpisode> episodes, int featureCount)
    {
        if (!File.Exists(path) || new FileInfo(path).Length != episodes.Sum(e => (long)e.Steps) * featureCount * sizeof(float))
        {
            return null;
        }

        using var stream = File.OpenRead(path);
        var result = new float[episodes.Count][];
        for (int e = 0; e < episodes.Count; e++)
        {
            result[e] = new float[episodes[e].Steps * featureCount];
            stream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(result[e].AsSpan()));
        }

        return result;
    }

    private static void WriteFeatures(string path, float[][] features)
    {
        string tmp = path + ".tmp";
        using (var stream = File.Create(tmp))
        {
            foreach (var f in features)
            {
                stream.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(f.AsSpan()));
            }
        }

        File.Move(tmp, path, overwrite: true);
    }
}

/// <summary>Stage one's outcome: the frozen trunk's features per episode, how its training went, and its nearness readout (if it learned one).</summary>
public sealed record PretrainedTrunk(float[][] Training, float[][] Validation, int BestEpoch, IReadOnlyList<EpochSummary> History, NearnessReadout? Nearness = null);
