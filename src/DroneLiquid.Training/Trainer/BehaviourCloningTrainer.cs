using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DroneLiquid.Liquid.Policies;
using DroneLiquid.Training.Config;
using DroneLiquid.Training.Data;
using DroneLiquid.Training.Export;
using DroneLiquid.Training.Modules;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DroneLiquid.Training.Trainer;

/// <summary>
/// Behaviour cloning with truncated backpropagation through time: masked mean-squared error between the
/// network's normalised commands and the expert's over windows from zero state (<see cref="WindowBatcher"/>),
/// Adam with a geometric learning-rate decay and gradient-norm clipping, a validation split by episode,
/// the best-on-validation weights exported, and a checkpoint every epoch that a rerun resumes from.
/// </summary>
/// <remarks>
/// Deterministic: torch.manual_seed(seed) before the weights are drawn, one libtorch thread, and the window
/// order of epoch e drawn from Random(seed, e) alone, so a resumed run continues exactly as an uninterrupted
/// one would have.
/// </remarks>
public sealed class BehaviourCloningTrainer(TimeProvider time)
{
    public TrainingResult Run(TrainingConfig config, TrainingData data, ITrainingProgress progress, bool restart = false, CancellationToken cancellation = default)
    {
        TorchSetup.Initialise();
        var clock = Stopwatch.StartNew();
        var opt = config.Training;
        data = data.SelectObservations(config.Observations);
        if (!config.Actions.SequenceEqual(data.ActionNames))
        {
            throw new TrainingConfigException($"{config.SourcePath}: actions are [{string.Join(", ", config.Actions)}] but the data set's commands are [{string.Join(", ", data.ActionNames)}]");
        }

        if (config.Vision is { } v && (!data.HasImages || data.ImageWidth != v.Width || data.ImageHeight != v.Height))
        {
            throw new TrainingConfigException($"{config.SourcePath}: vision asks for {v.Width}x{v.Height} images, but the data set holds {(data.HasImages ? $"{data.ImageWidth}x{data.ImageHeight}" : "none")}");
        }

        var (training, validation) = Split(data, opt.ValidationFraction, config.Seed);
        int nObs = data.ObservationNames.Count, nAct = data.ActionNames.Count;
        var obsStats = ColumnStats.Compute(training.Select(e => (e.Observations, e.Steps)), nObs);
        var actStats = ColumnStats.Compute(training.Select(e => (e.Actions, e.Steps)), nAct);
        var scaling = ActionScaling.From(actStats);
        int imageLength = config.Vision is null ? 0 : 3 * data.ImageWidth * data.ImageHeight;

        torch.manual_seed(config.Seed);
        int headSeed = opt.Seed ?? config.Seed; // differs from the run's only on a pretrained trunk (validated)
        var trunk = config.Vision is { } vision ? new TorchConvTrunk(vision.Width, vision.Height, vision.Features) : null;
        PretrainedTrunk? pretrained = null;
        if (trunk is not null && config.Vision!.Pretrain is not null)
        {
            pretrained = TrunkPretrainer.Run(trunk, config, training, validation, progress, restart, cancellation);
            foreach (var p in trunk.parameters())
            {
                p.requires_grad = false;
            }

            // The head's initial weights must not depend on whether stage one ran now or was read back.
            torch.manual_seed(headSeed + 1);
        }

        var bands = config.Vision?.NearnessBands is { } bandCount && pretrained is not null
            ? new NearnessBands(
                (pretrained.Nearness ?? throw new InvalidOperationException("vision.nearness_bands: the trunk stage learned no nearness readout")).Weight,
                pretrained.Nearness.Bias,
                trunk!.Features,
                bandCount)
            : null;
        var trainFeatures = bands?.Append(pretrained!.Training) ?? pretrained?.Training;
        var validationFeatures = bands?.Append(pretrained!.Validation) ?? pretrained?.Validation;
        int featureWidth = bands?.Outputs ?? trunk?.Features ?? 0;

        // Validation stays unweighted: its loss compares epochs and runs on the same footing.
        float[][]? brakeWeights = opt.BrakeWeight is > 1 ? StepWeights.Braking(training, data.ObservationNames, data.ActionNames, (float)opt.BrakeWeight.Value) : null;
        var trainBatches = new WindowBatcher(training, obsStats, scaling, nObs, nAct, opt.Window, imageLength, trainFeatures, featureWidth, brakeWeights);
        var validationBatches = new WindowBatcher(validation, obsStats, scaling, nObs, nAct, opt.Window, imageLength, validationFeatures, featureWidth);
        var (spec, freezeTime) = HeadFactory.Create(config.Model, featureWidth + nObs, nAct);
        using var network = new PolicyNetwork(spec, trunk, freezeTime, bands);
        Func<Tensor, Tensor, Tensor?, Tensor> forward = pretrained is null ? network.Forward : (inputs, elapsed, _) => network.Head.Forward(inputs, elapsed);
        var trainable = network.parameters().Where(p => p.requires_grad).ToArray();
        long parameterCount = trainable.Sum(p => p.numel());
        using var optimizer = optim.Adam(trainable, opt.LearningRate);

        var checkpoint = new TrainingCheckpoint(config.Checkpoints);
        // The head depends on the trunk it was trained on: which of stage one's epochs it is and how many ran.
        string fingerprint = Fingerprint(config, data, pretrained is null ? string.Empty : $"{pretrained.History.Count}:{pretrained.BestEpoch}");
        var state = new CheckpointState(fingerprint, 0, 0, 0, double.PositiveInfinity, []);
        int averageFrom = opt.AverageFrom;
        using var average = averageFrom <= opt.Epochs ? new WeightAverage(trainable) : null;
        if (restart)
        {
            checkpoint.Clear();
        }
        else if (checkpoint.TryReadState() is { } saved)
        {
            if (saved.Fingerprint != fingerprint)
            {
                throw new TrainingConfigException($"{config.Checkpoints}: the checkpoint is from another config or data set; run with --restart to discard it");
            }

            int averaged = saved.Epoch - averageFrom + 1; // the epochs the saved mean holds
            if (average is not null && averaged > 0)
            {
                if (saved.AverageFrom != averageFrom || !File.Exists(checkpoint.AverageModelPath))
                {
                    throw new TrainingConfigException($"{config.Checkpoints}: the checkpoint has no weight average from epoch {averageFrom} (epochs or average_epochs changed after it began); run with --restart");
                }

                average.Load(network, checkpoint.AverageModelPath, averaged);
            }

            checkpoint.Restore(network, optimizer);
            state = saved;
        }

        // Noise on the trunk's feature columns only (they come first in each step's inputs); the nearness bands and
        // the observations stay exact.
        using var featureNoise = opt.FeatureNoise is > 0 && pretrained is not null
            ? cat([full(1, 1, trunk!.Features, opt.FeatureNoise.Value), zeros(1, 1, featureWidth - trunk.Features + nObs)], dim: 2)
            : null;
        int resumedFrom = state.Epoch;
        int batchesPerEpoch = (trainBatches.Windows.Count + opt.Batch - 1) / opt.Batch;
        progress.Started("head", state.Epoch + 1, opt.Epochs, batchesPerEpoch);
        var history = state.History.ToList();
        for (int epoch = state.Epoch + 1; epoch <= opt.Epochs && !(opt.MaxSteps > 0 && state.Steps >= opt.MaxSteps); epoch++)
        {
            cancellation.ThrowIfCancellationRequested();
            double lr = LearningRate(opt, epoch);
            foreach (var group in optimizer.ParamGroups)
            {
                group.LearningRate = lr;
            }

            network.train();
            var order = trainBatches.Shuffled(EpochSeed(headSeed, epoch));
            using var noiseGenerator = new Generator((ulong)EpochSeed(headSeed, epoch)); // per epoch: a resumed run draws the same noise
            double lossSum = 0;
            int batches = 0, steps = state.Steps;
            for (int start = 0; start < order.Length; start += opt.Batch)
            {
                if (opt.MaxSteps > 0 && steps >= opt.MaxSteps)
                {
                    break;
                }

                using var scope = NewDisposeScope();
                var (obs, elapsed, targets, mask, images) = trainBatches.Batch(order.AsSpan(start, Math.Min(opt.Batch, order.Length - start)), data.ImageHeight, data.ImageWidth);
                if (featureNoise is not null)
                {
                    obs = obs.Plus(randn(obs.shape, generator: noiseGenerator) * featureNoise);
                }

                var loss = MaskedMse(forward(obs, elapsed, images), targets, mask);
                double value = Step(optimizer, trainable, loss, opt.ClipNorm);
                lossSum += value;
                batches++;
                steps++;
                progress.Batch(epoch, batches, value);
            }

            double validationLoss = Evaluate(network, forward, validationBatches, opt.Batch, data.ImageHeight, data.ImageWidth);
            bool best = validationLoss < state.BestValidationLoss;
            var summary = new EpochSummary(epoch, lossSum / Math.Max(1, batches), validationLoss, lr, steps, best);
            history.Add(summary);
            Action<string>? writeAverage = null;
            if (average is not null && epoch >= averageFrom)
            {
                average.Add();
                writeAverage = path => average.Save(network, path);
            }

            state = new CheckpointState(fingerprint, epoch, steps, best ? epoch : state.BestEpoch, best ? validationLoss : state.BestValidationLoss, history, average is null ? 0 : averageFrom);
            checkpoint.Save(network, optimizer, state, best, writeAverage);
            progress.Epoch(summary);
        }

        if (!File.Exists(checkpoint.BestModelPath))
        {
            throw new InvalidOperationException($"{config.Checkpoints}: training finished without a best model (no epoch ran)");
        }

        int exportedEpoch = opt.ExportsLast || average is not null ? state.Epoch : state.BestEpoch;
        network.load(opt.ExportsLast || average is not null ? checkpoint.LastModelPath : checkpoint.BestModelPath);
        var provenance = Provenance(config, data, training.Count, validation.Count, state, exportedEpoch, pretrained);
        if (brakeWeights is not null)
        {
            provenance["loss"] += string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"; braking steps ({StepWeights.BrakingShare(brakeWeights, (float)opt.BrakeWeight!.Value):P1} of the training steps) weighted {opt.BrakeWeight.Value}");
        }

        if (average is not null)
        {
            // The loop ended (all epochs, or max_steps) inside or before the averaging window; a run stopped before it has no mean.
            if (average.Count == 0)
            {
                throw new InvalidOperationException($"{config.Checkpoints}: training stopped at epoch {state.Epoch}, before the weight average's first epoch {averageFrom}");
            }

            average.Swap(); // the network now holds the mean
            provenance["exported_weights"] = $"mean of epochs {averageFrom}-{averageFrom + average.Count - 1}";
            provenance["average_validation_loss"] = Format(Evaluate(network, forward, validationBatches, opt.Batch, data.ImageHeight, data.ImageWidth));
        }

        PolicyExporter.Write(
            config.Output,
            network,
            config.Name,
            config.Description,
            PolicyExporter.Observations(data.ObservationNames, obsStats),
            PolicyExporter.Actions(data.ActionNames, scaling),
            provenance,
            time);
        return new TrainingResult(
            config.Name, config.Output, state.Epoch, resumedFrom, state.Steps, exportedEpoch, state.BestEpoch, state.BestValidationLoss,
            history.Count > 0 ? history[0].TrainLoss : double.NaN, history.Count > 0 ? history[^1].TrainLoss : double.NaN,
            training.Count, validation.Count, training.Sum(e => (long)e.Steps), parameterCount, clock.Elapsed.TotalSeconds, history, pretrained?.History ?? []);
    }

    /// <summary>One optimiser step on <paramref name="loss"/> with gradient-norm clipping; returns the loss value.</summary>
    internal static double Step(optim.Optimizer optimizer, IEnumerable<TorchSharp.Modules.Parameter> parameters, Tensor loss, double clipNorm)
    {
        optimizer.zero_grad();
        loss.backward();
        nn.utils.clip_grad_norm_(parameters, clipNorm);
        optimizer.step();
        return loss.item<float>();
    }

    /// <summary>Mean over valid steps of the mean squared error over the action columns.</summary>
    public static Tensor MaskedMse(Tensor predicted, Tensor targets, Tensor mask)
    {
        var perStep = (predicted - targets).square().mean([2]);
        return (perStep * mask).sum() / mask.sum().clamp_min(1f);
    }

    /// <summary>The masked MSE over every window of <paramref name="batches"/>, weighted by valid steps, with <paramref name="module"/> in eval mode.</summary>
    internal static double Evaluate(nn.Module module, Func<Tensor, Tensor, Tensor?, Tensor> forward, WindowBatcher batches, int batchSize, int height, int width)
    {
        module.eval();
        using var _ = no_grad();
        double weighted = 0, total = 0;
        var all = Enumerable.Range(0, batches.Windows.Count).ToArray();
        for (int start = 0; start < all.Length; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var (obs, elapsed, targets, mask, images) = batches.Batch(all.AsSpan(start, Math.Min(batchSize, all.Length - start)), height, width);
            double count = mask.sum().item<float>();
            weighted += MaskedMse(forward(obs, elapsed, images), targets, mask).item<float>() * count;
            total += count;
        }

        return total > 0 ? weighted / total : double.NaN;
    }

    /// <summary>
    /// The seed of epoch <paramref name="epoch"/>'s shuffle: a fixed mix of the run's seed and the epoch, the same in
    /// every process (HashCode.Combine is randomised per process, so a run resumed in a new process would have
    /// drawn other windows than an uninterrupted one).
    /// </summary>
    public static int EpochSeed(int seed, int epoch) => (int)((uint)seed * 2654435761u ^ (uint)epoch * 40503u) & int.MaxValue;

    /// <summary>Geometric decay from learning_rate at epoch 1 to learning_rate_final at the last epoch.</summary>
    public static double LearningRate(OptimisationConfig opt, int epoch) =>
        opt.Epochs <= 1 ? opt.LearningRate : opt.LearningRate * Math.Pow(opt.LearningRateFinal / opt.LearningRate, (epoch - 1) / (double)(opt.Epochs - 1));

    /// <summary>
    /// Episodes the data set marks as validation form the validation split; when it marks none, a seeded
    /// draw of whole episodes (sorted by id first, so file order does not matter) takes the fraction.
    /// </summary>
    public static (List<TrainingEpisode> Training, List<TrainingEpisode> Validation) Split(TrainingData data, double fraction, int seed)
    {
        var validation = data.ValidationEpisodes.ToList();
        var training = data.Training.ToList();
        if (validation.Count == 0)
        {
            var sorted = training.OrderBy(e => e.Id, StringComparer.Ordinal).ToArray();
            new Random(seed).Shuffle(sorted);
            int count = Math.Max(1, (int)Math.Round(sorted.Length * fraction));
            validation = sorted.Take(count).ToList();
            var chosen = validation.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
            training = training.Where(e => !chosen.Contains(e.Id)).ToList();
        }

        if (training.Count == 0 || validation.Count == 0)
        {
            throw new TrainingConfigException($"the data set has {data.Episodes.Count} episodes: too few for a training and a validation split");
        }

        return (training, validation);
    }

    private static string Fingerprint(TrainingConfig config, TrainingData data, string trunk)
    {
        var identity = new StringBuilder(JsonSerializer.Serialize(
            config with
            {
                Output = string.Empty,
                Checkpoints = string.Empty,
                Training = config.Training with { Epochs = 0, Export = null }, // which epoch is exported changes no weight
                Vision = config.Vision is { Pretrain: { } pre } v ? v with { Pretrain = pre with { Checkpoints = string.Empty, Epochs = 0 } } : config.Vision,
            },
            TrainingConfig.JsonOptions)).Append("|trunk:").Append(trunk);
        foreach (var e in data.Episodes)
        {
            identity.Append('|').Append(e.Id).Append(':').Append(e.Steps).Append(e.Validation ? 'v' : 't');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity.ToString())));
    }

    private static Dictionary<string, string> Provenance(TrainingConfig config, TrainingData data, int trainingEpisodes, int validationEpisodes, CheckpointState state, int exportedEpoch, PretrainedTrunk? pretrained)
    {
        var best = state.History.FirstOrDefault(h => h.Epoch == state.BestEpoch);
        var last = state.History.Count > 0 ? state.History[^1] : null;
        var result = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["config"] = Path.GetFileName(config.SourcePath),
            ["config_sha256"] = File.Exists(config.SourcePath) ? PolicyFolder.Sha256(config.SourcePath) : "none",
            ["data"] = string.Join(", ", config.Data.Select(d => d.StartsWith("synthetic:", StringComparison.Ordinal) ? d : Path.GetFileName(d.TrimEnd('/')))),
            ["seed"] = config.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture) + (config.Training.Seed is { } head ? $", head {head.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : string.Empty),
            ["epochs"] = state.Epoch.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["optimiser_steps"] = state.Steps.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["best_epoch"] = state.BestEpoch.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["best_validation_loss"] = Format(state.BestValidationLoss),
            ["exported_epoch"] = exportedEpoch.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["best_train_loss"] = Format(best?.TrainLoss ?? double.NaN),
            ["final_train_loss"] = Format(last?.TrainLoss ?? double.NaN),
            ["final_validation_loss"] = Format(last?.ValidationLoss ?? double.NaN),
            ["training_episodes"] = trainingEpisodes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["validation_episodes"] = validationEpisodes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["steps_in_data"] = data.StepCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["window"] = $"{config.Training.Window} steps from zero state, half overlap (truncated BPTT)",
            ["loss"] = "masked MSE of normalised commands",
            ["model"] = $"{config.Model.Type}" + (config.Vision is { } v ? $", trunk {v.Width}x{v.Height} -> {v.Features} features" : string.Empty)
                + (config.Vision?.NearnessBands is { } bands ? $" + {bands} nearness bands" : string.Empty),
        };
        if (pretrained is not null)
        {
            var trunkBest = pretrained.History.FirstOrDefault(h => h.Epoch == pretrained.BestEpoch);
            result["trunk_training"] = "stage one: single frames through a feed-forward readout, then frozen; the head trained on its features";
            result["trunk_epochs"] = pretrained.History.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            result["trunk_best_epoch"] = pretrained.BestEpoch.ToString(System.Globalization.CultureInfo.InvariantCulture);
            result["trunk_best_validation_loss"] = Format(trunkBest?.ValidationLoss ?? double.NaN);
        }

        return result;
    }

    private static string Format(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
