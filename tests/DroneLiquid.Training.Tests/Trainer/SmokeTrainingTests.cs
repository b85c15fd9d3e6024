using DroneLiquid.Flight.Frames;
using DroneLiquid.Flight.Observations;
using DroneLiquid.Flight.Policies;
using DroneLiquid.Liquid.Policies;
using DroneLiquid.Training.Config;
using DroneLiquid.Training.Data;
using DroneLiquid.Training.Tests.Fakes;
using DroneLiquid.Training.Trainer;
using Microsoft.Extensions.Time.Testing;

namespace DroneLiquid.Training.Tests.Trainer;

/// <summary>The CI smoke run: a tiny data set, a few optimiser steps; the loss falls and the exported folder flies.</summary>
public sealed class SmokeTrainingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dl-train-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void LossFallsAndExportedPolicyFliesThroughFlightPolicy()
    {
        var config = SmokeConfigs.State(_folder, epochs: 3);
        // --restart on a folder that does not exist yet is a plain first run.
        var result = new BehaviourCloningTrainer(new FakeTimeProvider()).Run(config, SyntheticData.Generate(16, 120, config.Seed), new FakeTrainingProgress(), restart: true);

        Assert.True(result.FinalTrainLoss < 0.5 * result.FirstTrainLoss, $"train loss {result.FirstTrainLoss} -> {result.FinalTrainLoss}");
        using var policy = FlightPolicy.Open(config.Output);
        Assert.Equal(config.Observations, policy.Document.Observations.Select(o => o.Name));
        Assert.All(policy.Document.Observations, o => Assert.True(o.Min is double min && double.IsFinite(min) && o.Max is double max && double.IsFinite(max), o.Name));
        Assert.Equal("3", policy.Document.Provenance.Details["epochs"]);
        var snapshot = new FlightSnapshot(new PositionNed(0, 0, -2.5f), new VelocityNed(0, 0, 0), 0, 0, 0.3f, 0, 0, 0, 0, 0, -9.81f, new PositionNed(20, 5, -2.5f));
        for (int i = 0; i < 20; i++)
        {
            Assert.Equal(PolicyStepStatus.Ok, policy.TryStep(snapshot, 0.05f, out var command));
            Assert.True(float.IsFinite(command.X) && float.IsFinite(command.YawRateRadiansPerSecond));
        }

        // The goal is ahead and to the right: a cloned proportional pilot flies forward.
        policy.TryStep(snapshot, 0.05f, out var last);
        Assert.True(last.X > 0.5f, $"forward command {last.X}");
    }

    [Fact]
    public void ResumedRunEqualsUninterruptedRun()
    {
        var data = SyntheticData.Generate(6, 64, 3);
        var whole = SmokeConfigs.State(Path.Combine(_folder, "whole"), epochs: 3);
        var split = SmokeConfigs.State(Path.Combine(_folder, "split"), epochs: 3);
        var time = new FakeTimeProvider();
        var uninterrupted = new BehaviourCloningTrainer(time).Run(whole, data, new FakeTrainingProgress());

        // Interrupted after epoch 2 (as Ctrl-C or a killed job would), then rerun with the same config.
        using var stop = new CancellationTokenSource();
        var interrupted = new FakeTrainingProgress { AfterEpoch = e => { if (e == 2) stop.Cancel(); } };
        Assert.Throws<OperationCanceledException>(() => new BehaviourCloningTrainer(time).Run(split, data, interrupted, cancellation: stop.Token));
        var progress = new FakeTrainingProgress();
        var resumed = new BehaviourCloningTrainer(time).Run(split, data, progress);

        Assert.Equal(2, resumed.ResumedFromEpoch);
        Assert.Equal(3, progress.FirstEpoch);
        Assert.Equal(uninterrupted.History.Select(h => h.TrainLoss), resumed.History.Select(h => h.TrainLoss));
        Assert.Equal(Weights(whole.Output), Weights(split.Output));
    }

    [Fact]
    public void AverageExportIsTheMeanOfTheLastEpochsWeightsAndSurvivesAResume()
    {
        var data = SyntheticData.Generate(6, 64, 3);
        var time = new FakeTimeProvider();
        var two = Constant("two", epochs: 2, "last", null);
        var three = Constant("three", epochs: 3, "last", null);
        var average = Constant("average", epochs: 3, "average", 2);
        new BehaviourCloningTrainer(time).Run(two, data, new FakeTrainingProgress());
        new BehaviourCloningTrainer(time).Run(three, data, new FakeTrainingProgress());

        // Interrupted after epoch 2, the first in the average: the rerun must read that epoch's share back.
        using var stop = new CancellationTokenSource();
        var interrupted = new FakeTrainingProgress { AfterEpoch = e => { if (e == 2) stop.Cancel(); } };
        Assert.Throws<OperationCanceledException>(() => new BehaviourCloningTrainer(time).Run(average, data, interrupted, cancellation: stop.Token));
        var result = new BehaviourCloningTrainer(time).Run(average, data, new FakeTrainingProgress());

        float[] expected = Weights(two.Output).Zip(Weights(three.Output), (a, b) => (a + b) / 2).ToArray();
        float[] actual = Weights(average.Output);
        Assert.Equal(expected.Length, actual.Length);
        Assert.All(expected.Zip(actual), p => Assert.Equal(p.First, p.Second, 1e-6f));
        Assert.NotEqual(Weights(three.Output), actual);
        Assert.Equal((2, 3), (result.ResumedFromEpoch, result.ExportedEpoch));
        using var policy = FlightPolicy.Open(average.Output);
        Assert.Equal("mean of epochs 2-3", policy.Document.Provenance.Details["exported_weights"]);
        Assert.True(double.Parse(policy.Document.Provenance.Details["average_validation_loss"], System.Globalization.CultureInfo.InvariantCulture) > 0);

        // Another window on the same checkpoint is refused rather than mixed.
        var wider = average with { Training = average.Training with { Epochs = 4, AverageEpochs = 3 } };
        Assert.Contains("--restart", Assert.Throws<TrainingConfigException>(() => new BehaviourCloningTrainer(time).Run(wider, data, new FakeTrainingProgress())).Message);
        Assert.Contains((average.Training with { AverageEpochs = null }).Validate(), p => p.Contains("needs average_epochs"));
        Assert.Contains((average.Training with { AverageEpochs = 4 }).Validate(), p => p.Contains("average_epochs: is 4"));
        Assert.Contains((three.Training with { AverageEpochs = 2 }).Validate(), p => p.Contains("only with export"));

        // A constant learning rate, so the 2-epoch run's weights are the 3-epoch run's after epoch 2 (the decay depends on epochs).
        TrainingConfig Constant(string name, int epochs, string export, int? averageEpochs)
        {
            var config = SmokeConfigs.State(Path.Combine(_folder, name), epochs);
            return config with { Training = config.Training with { LearningRateFinal = config.Training.LearningRate, Export = export, AverageEpochs = averageEpochs } };
        }
    }

    [Fact]
    public void CheckpointOfAnotherConfigIsRefusedByName()
    {
        var data = SyntheticData.Generate(6, 60, 3);
        var config = SmokeConfigs.State(_folder, epochs: 1);
        new BehaviourCloningTrainer(new FakeTimeProvider()).Run(config, data, new FakeTrainingProgress());
        var other = config with { Seed = config.Seed + 1 };
        var ex = Assert.Throws<TrainingConfigException>(() => new BehaviourCloningTrainer(new FakeTimeProvider()).Run(other, data, new FakeTrainingProgress()));
        Assert.Contains("--restart", ex.Message);
        new BehaviourCloningTrainer(new FakeTimeProvider()).Run(other, data, new FakeTrainingProgress(), restart: true);
    }

    private static float[] Weights(string folder) =>
        PolicyFolder.Read(folder).Weights.Tensors.SelectMany(t => t.Data).ToArray();
}
