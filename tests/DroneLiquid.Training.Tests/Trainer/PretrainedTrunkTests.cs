using DroneLiquid.Flight.Policies;
using DroneLiquid.Training.Config;
using DroneLiquid.Training.Data;
using DroneLiquid.Training.Tests.Fakes;
using DroneLiquid.Training.Trainer;
using Microsoft.Extensions.Time.Testing;

namespace DroneLiquid.Training.Tests.Trainer;

/// <summary>A vision run with a pretrained trunk: stage one, then the head on the frozen trunk's features; a second run shares the trunk.</summary>
public sealed class PretrainedTrunkTests : IDisposable
{
    private const int Width = 32, Height = 24, RunSeed = 7;
    private readonly string _folder = Directory.CreateTempSubdirectory("dl-trunk-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void HeadsTrainedOnASharedPretrainedTrunkExportTheSameFrozenTrunk()
    {
        var data = VisionData(episodes: 6, steps: 40);
        string trunkFolder = Path.Combine(_folder, "trunk");
        var cfc = Config("cfc", new ModelConfig("ncp", Inter: 6, Command: 4, SensoryFanout: 3, InterFanout: 2, RecurrentCommandSynapses: 2, MotorFanin: 2), trunkFolder);
        var lstm = Config("lstm", new ModelConfig("lstm", Units: 6), trunkFolder);

        var first = new FakeTrainingProgress();
        var cfcResult = new BehaviourCloningTrainer(new FakeTimeProvider()).Run(cfc, data, first);
        var second = new FakeTrainingProgress();
        var lstmResult = new BehaviourCloningTrainer(new FakeTimeProvider()).Run(lstm, data, second);

        Assert.Equal([("trunk", 1), ("head", 1)], first.Starts);
        Assert.Equal([("trunk", 3), ("head", 1)], second.Starts); // the trunk was found finished and reused
        Assert.Equal(2, cfcResult.TrunkHistory.Count);
        Assert.True(cfcResult.TrunkHistory[^1].TrainLoss < cfcResult.TrunkHistory[0].TrainLoss, $"trunk loss {cfcResult.TrunkHistory[0].TrainLoss} -> {cfcResult.TrunkHistory[^1].TrainLoss}");
        Assert.Equal(cfcResult.TrunkHistory, lstmResult.TrunkHistory);

        // Both heads fly on the same frozen trunk: equal features for the same frame, different commands.
        using var cfcPolicy = FlightPolicy.Open(cfc.Output);
        using var lstmPolicy = FlightPolicy.Open(lstm.Output);
        Assert.Equal("2", cfcPolicy.Document.Provenance.Details["trunk_epochs"]);
        var frame = data.Episodes[0].Images.AsSpan(5 * 3 * Width * Height, 3 * Width * Height);
        PolicySteps.OnFrame(frame, cfcPolicy, lstmPolicy);

        Assert.Equal(cfcPolicy.Features.ToArray(), lstmPolicy.Features.ToArray());
        Assert.NotEqual(cfcPolicy.Outputs.ToArray(), lstmPolicy.Outputs.ToArray());
    }

    [Fact]
    public void TrunkCheckpointOfAnotherDataSetIsRefused()
    {
        string trunkFolder = Path.Combine(_folder, "trunk");
        var config = Config("cfc", new ModelConfig("cfc", Units: 6, BackboneUnits: 8), trunkFolder);
        new BehaviourCloningTrainer(new FakeTimeProvider()).Run(config, VisionData(episodes: 6, steps: 40), new FakeTrainingProgress());
        var other = config with { Output = Path.Combine(_folder, "other"), Checkpoints = Path.Combine(_folder, "other-checkpoints") };

        var ex = Assert.Throws<TrainingConfigException>(() => new BehaviourCloningTrainer(new FakeTimeProvider()).Run(other, VisionData(episodes: 7, steps: 40), new FakeTrainingProgress()));

        Assert.Contains("trunk checkpoint", ex.Message);
    }

    [Fact]
    public void TrunkLearnsFromItsDataSetsAndTheHeadFromAll()
    {
        string trunkFolder = Path.Combine(_folder, "trunk");
        // A validation episode of its own, as a collected validation set gives, so the split does not depend on the DAgger set.
        var expert = VisionData(episodes: 5, steps: 40, set: "expert");
        expert = new TrainingData(expert.ObservationNames, expert.ActionNames, [.. expert.Episodes.Select((e, i) => e with { Validation = i == 0 })], Width, Height);
        var dagger = VisionData(episodes: 3, steps: 30, set: "dagger");
        var round0 = Config("round0", new ModelConfig("cfc", Units: 6, BackboneUnits: 8), trunkFolder) with { Data = [Path.Combine(_folder, "expert")] };
        var withDagger = Config("final", new ModelConfig("cfc", Units: 6, BackboneUnits: 8), trunkFolder);
        withDagger = withDagger with
        {
            Data = [Path.Combine(_folder, "expert"), Path.Combine(_folder, "dagger")],
            Vision = withDagger.Vision! with { Pretrain = withDagger.Vision.Pretrain! with { Data = [Path.Combine(_folder, "expert")] } },
        };
        Assert.Empty(withDagger.Validate());

        var first = new BehaviourCloningTrainer(new FakeTimeProvider()).Run(round0, expert, new FakeTrainingProgress());
        string expertFeatures = Assert.Single(Directory.GetFiles(trunkFolder, "features-*.bin"));
        Assert.StartsWith("features-expert-", Path.GetFileName(expertFeatures));
        var expertFeaturesWritten = File.GetLastWriteTimeUtc(expertFeatures);
        var progress = new FakeTrainingProgress();
        var both = new TrainingData(expert.ObservationNames, expert.ActionNames, [.. expert.Episodes, .. dagger.Episodes], Width, Height);
        var second = new BehaviourCloningTrainer(new FakeTimeProvider()).Run(withDagger, both, progress);

        // Stage one was found finished (its data are the same expert episodes); the head saw the DAgger episodes too.
        Assert.Equal([("trunk", 3), ("head", 1)], progress.Starts);
        Assert.Equal(first.TrunkHistory, second.TrunkHistory);
        Assert.Equal(first.TrainingEpisodes + dagger.Episodes.Count, second.TrainingEpisodes);
        // Features are cached per data set: the second run computed the DAgger set's and read the expert set's.
        Assert.Equal(["features-dagger-", "features-expert-"], Directory.GetFiles(trunkFolder, "features-*.bin").Select(f => Path.GetFileName(f)[..^20]).Order());
        Assert.Equal(expertFeaturesWritten, File.GetLastWriteTimeUtc(expertFeatures));

        // From scratch, the run with the DAgger set trains the very trunk round 0 trained: it depends on its own data only.
        var scratch = withDagger with
        {
            Output = Path.Combine(_folder, "scratch", "policy"),
            Checkpoints = Path.Combine(_folder, "scratch", "checkpoints"),
            Vision = withDagger.Vision! with { Pretrain = withDagger.Vision.Pretrain! with { Checkpoints = Path.Combine(_folder, "scratch", "trunk") } },
        };
        var fresh = new BehaviourCloningTrainer(new FakeTimeProvider()).Run(scratch, both, new FakeTrainingProgress());
        Assert.Equal(first.TrunkHistory, fresh.TrunkHistory);
        Assert.Equal(second.History, fresh.History);

        var wrong = withDagger with { Vision = withDagger.Vision! with { Pretrain = withDagger.Vision.Pretrain! with { Data = [Path.Combine(_folder, "other")] } } };
        Assert.Contains(wrong.Validate(), p => p.Contains("vision.pretrain.data") && p.Contains("other"));
    }

    [Fact]
    public void FeatureNoiseChangesTheHeadAlikeOnEveryRunAndNeedsAPretrainedTrunk()
    {
        var data = VisionData(episodes: 6, steps: 40);
        string trunkFolder = Path.Combine(_folder, "trunk");
        var model = new ModelConfig("cfc", Units: 6, BackboneUnits: 8);
        var plain = Config("plain", model, trunkFolder);
        var noisy = Config("noisy", model, trunkFolder, t => t with { FeatureNoise = 0.3 });
        var again = noisy with { Output = Path.Combine(_folder, "again", "policy"), Checkpoints = Path.Combine(_folder, "again", "checkpoints") };

        var withoutNoise = new BehaviourCloningTrainer(new FakeTimeProvider()).Run(plain, data, new FakeTrainingProgress());
        var first = new BehaviourCloningTrainer(new FakeTimeProvider()).Run(noisy, data, new FakeTrainingProgress());
        var second = new BehaviourCloningTrainer(new FakeTimeProvider()).Run(again, data, new FakeTrainingProgress());

        Assert.Equal(first.History, second.History);
        Assert.NotEqual(withoutNoise.History[0].TrainLoss, first.History[0].TrainLoss);
        // The shared trunk is untouched: the noise is on the head's inputs only.
        Assert.Equal(withoutNoise.TrunkHistory, first.TrunkHistory);

        // Left out, the option is not written, so the fingerprints of existing runs stay as they were.
        Assert.Equal(
            """{"epochs":2,"window":8,"batch":4,"learning_rate":0.01,"learning_rate_final":0.003,"clip_norm":1,"validation_fraction":0.15,"max_steps":0}""",
            System.Text.Json.JsonSerializer.Serialize(plain.Training, new System.Text.Json.JsonSerializerOptions(TrainingConfig.JsonOptions) { WriteIndented = false }));
        var stateOnly = noisy with { Vision = null };
        Assert.Contains(stateOnly.Validate(), p => p.Contains("feature_noise") && p.Contains("vision.pretrain"));
        Assert.Contains((noisy with { Training = noisy.Training with { FeatureNoise = 2 } }).Validate(), p => p.Contains("feature_noise: is 2"));
    }

    [Fact]
    public void HeadSeedChangesOnlyTheHeadAndTheRunSeedGivenExplicitlyChangesNothing()
    {
        var data = VisionData(episodes: 6, steps: 40);
        string trunkFolder = Path.Combine(_folder, "trunk");
        var model = new ModelConfig("cfc", Units: 6, BackboneUnits: 8);
        var runSeed = Config("run-seed", model, trunkFolder);
        var explicitSeed = Config("explicit-seed", model, trunkFolder, t => t with { Seed = RunSeed });
        var otherSeed = Config("other-seed", model, trunkFolder, t => t with { Seed = RunSeed + 1 });

        var baseline = new BehaviourCloningTrainer(new FakeTimeProvider()).Run(runSeed, data, new FakeTrainingProgress());
        var same = new BehaviourCloningTrainer(new FakeTimeProvider()).Run(explicitSeed, data, new FakeTrainingProgress());
        var progress = new FakeTrainingProgress();
        var other = new BehaviourCloningTrainer(new FakeTimeProvider()).Run(otherSeed, data, progress);

        Assert.Equal(baseline.History, same.History);
        Assert.Equal([("trunk", 3), ("head", 1)], progress.Starts); // the run seed's trunk was reused
        Assert.Equal(baseline.TrunkHistory, other.TrunkHistory);
        Assert.NotEqual(baseline.History[0].TrainLoss, other.History[0].TrainLoss);
        using (var policy = FlightPolicy.Open(otherSeed.Output))
        {
            Assert.Equal("7, head 8", policy.Document.Provenance.Details["seed"]);
        }

        Assert.Contains((otherSeed with { Vision = null }).Validate(), p => p.Contains("training.seed") && p.Contains("vision.pretrain"));
    }

    [Fact]
    public void ExportLastWritesTheLastEpochAndSwitchingItOnAFinishedRunReexportsWithoutTraining()
    {
        var data = VisionData(episodes: 6, steps: 40);
        var last = Config("last", new ModelConfig("cfc", Units: 6, BackboneUnits: 8), Path.Combine(_folder, "trunk"));
        last = last with { Training = last.Training with { Epochs = 4, Export = "last" } };
        var best = last with { Training = last.Training with { Export = null }, Output = Path.Combine(_folder, "best", "policy") };

        var lastResult = new BehaviourCloningTrainer(new FakeTimeProvider()).Run(last, data, new FakeTrainingProgress());
        var progress = new FakeTrainingProgress();
        var bestResult = new BehaviourCloningTrainer(new FakeTimeProvider()).Run(best, data, progress);

        Assert.Equal((4, 4), (lastResult.Epochs, lastResult.ExportedEpoch));
        Assert.Equal((4, lastResult.BestEpoch), (bestResult.Epochs, bestResult.ExportedEpoch)); // the same checkpoint, nothing retrained
        Assert.Equal([("trunk", 3), ("head", 5)], progress.Starts);
        using (var policy = FlightPolicy.Open(last.Output))
        {
            Assert.Equal("4", policy.Document.Provenance.Details["exported_epoch"]);
        }

        bool sameWeights = File.ReadAllBytes(Path.Combine(last.Output, "weights.safetensors")).SequenceEqual(File.ReadAllBytes(Path.Combine(best.Output, "weights.safetensors")));
        Assert.Equal(lastResult.BestEpoch == 4, sameWeights);
        Assert.Contains((last with { Training = last.Training with { Export = "first" } }).Validate(), p => p.Contains("export: is 'first'"));
    }

    [Fact]
    public void FrameFractionTrainsTheTrunkOnThatShareOfTheFramesAndIsPartOfItsIdentity()
    {
        var data = VisionData(episodes: 6, steps: 40);
        var all = Config("all", new ModelConfig("cfc", Units: 6, BackboneUnits: 8), Path.Combine(_folder, "trunk-all"));
        var half = Config("half", new ModelConfig("cfc", Units: 6, BackboneUnits: 8), Path.Combine(_folder, "trunk-half"));
        half = half with { Vision = half.Vision! with { Pretrain = half.Vision.Pretrain! with { FrameFraction = 0.5 } } };
        var allProgress = new FakeTrainingProgress();
        var halfProgress = new FakeTrainingProgress();

        var allResult = new BehaviourCloningTrainer(new FakeTimeProvider()).Run(all, data, allProgress);
        var halfResult = new BehaviourCloningTrainer(new FakeTimeProvider()).Run(half, data, halfProgress);

        // The trunk's optimiser steps per epoch halve; the head's are unchanged (it trains on every frame's features).
        int allTrunkSteps = allResult.TrunkHistory[0].Steps, halfTrunkSteps = halfResult.TrunkHistory[0].Steps;
        Assert.Equal((allTrunkSteps + 1) / 2, halfTrunkSteps);
        Assert.Equal(2 * halfTrunkSteps, halfResult.TrunkHistory[1].Steps);
        Assert.Equal(allResult.History[^1].Steps, halfResult.History[^1].Steps);
        Assert.NotEqual(allResult.TrunkHistory[0].TrainLoss, halfResult.TrunkHistory[0].TrainLoss);

        // A trunk trained on a share of the frames is another trunk: the full-frame one's checkpoint is refused for it.
        var shared = half with { Vision = half.Vision! with { Pretrain = half.Vision.Pretrain! with { Checkpoints = Path.Combine(_folder, "trunk-all") } } };
        var ex = Assert.Throws<TrainingConfigException>(() => new BehaviourCloningTrainer(new FakeTimeProvider()).Run(shared, data, new FakeTrainingProgress()));
        Assert.Contains("trunk checkpoint", ex.Message);
        foreach (double wrong in new[] { 0.0, 1.5, double.NaN })
        {
            var bad = half with { Vision = half.Vision! with { Pretrain = half.Vision.Pretrain! with { FrameFraction = wrong } } };
            Assert.Contains(bad.Validate(), p => p.Contains("frame_fraction"));
        }
    }

    private TrainingConfig Config(string name, ModelConfig model, string trunkFolder, Func<OptimisationConfig, OptimisationConfig>? training = null) => new(
        name,
        "test run",
        ["synthetic:6"],
        Path.Combine(_folder, name, "policy"),
        Path.Combine(_folder, name, "checkpoints"),
        RunSeed,
        SyntheticData.ObservationNames,
        SyntheticData.ActionNames,
        model,
        new VisionConfig(Width, Height, 4, new TrunkPretrainConfig(Epochs: 2, Batch: 16, Hidden: 8, LearningRate: 0.01, LearningRateFinal: 0.003, Checkpoints: trunkFolder)),
        (training ?? (t => t))(new OptimisationConfig(Epochs: 2, Window: 8, Batch: 4, LearningRate: 0.01, LearningRateFinal: 0.003)));

    /// <summary>Synthetic waypoint episodes with a frame per step whose brightness follows the commanded yaw rate.</summary>
    private static TrainingData VisionData(int episodes, int steps, string set = "synthetic")
    {
        var state = SyntheticData.Generate(episodes, steps, 11 + set.Length);
        int frame = 3 * Width * Height, nAct = state.ActionNames.Count;
        var random = new Random(5);
        var withImages = state.Episodes.Select(e =>
        {
            var images = new byte[e.Steps * frame];
            for (int t = 0; t < e.Steps; t++)
            {
                byte level = (byte)Math.Clamp(128 + 100 * e.Actions[t * nAct + 3], 0, 255);
                for (int k = 0; k < frame; k++)
                {
                    images[t * frame + k] = (byte)Math.Clamp(level + random.Next(-20, 21), 0, 255);
                }
            }

            return e with { Id = $"{set}/{e.Id}", Images = images };
        }).ToArray();
        return new TrainingData(state.ObservationNames, state.ActionNames, withImages, Width, Height);
    }
}
