using DroneLiquid.Flight.Policies;
using DroneLiquid.Training.Data;
using DroneLiquid.Training.Export;
using DroneLiquid.Training.Tests.Fakes;
using DroneLiquid.Training.Trainer;
using Microsoft.Extensions.Time.Testing;

namespace DroneLiquid.Training.Tests.Data;

public sealed class StepWeightsTests : IDisposable
{
    private static readonly string[] Observations = ["goal_body_forward", StepWeights.Velocity];
    private static readonly string[] Actions = [StepWeights.Velocity, "yaw_rate"];
    private readonly string _folder = Directory.CreateTempSubdirectory("dl-brake-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void StepsWhereTheExpertBrakesByAtLeastTheMarginGetTheWeight()
    {
        // Forward velocity 2, 2, 0.5, 2.5 against commands 1.5, 0.9, 0.5, 1.5: steps 1 and 3 brake by 1 m/s or more.
        var episode = Episode([2f, 2f, 0.5f, 2.5f], [1.5f, 0.9f, 0.5f, 1.5f]);

        float[][] weights = StepWeights.Braking([episode], Observations, Actions, 4f);

        Assert.Equal([1f, 4f, 1f, 4f], weights[0]);
        Assert.Equal(0.5, StepWeights.BrakingShare(weights, 4f));
        var missing = Assert.Throws<ArgumentException>(() => StepWeights.Braking([episode], ["goal_body_forward", "yaw"], Actions, 4f));
        Assert.Contains("velocity_body_forward among the observations", missing.Message);
    }

    [Fact]
    public void TheBatchMaskCarriesTheWeightsAndStillMasksThePadding()
    {
        var episode = Episode([2f, 2f, 0.5f], [1.5f, 0.9f, 0.5f]);
        var stats = ColumnStats.Compute([(episode.Observations, episode.Steps)], Observations.Length);
        var scaling = ActionScaling.From(ColumnStats.Compute([(episode.Actions, episode.Steps)], Actions.Length));
        float[][] weights = StepWeights.Braking([episode], Observations, Actions, 3f);

        var weighted = new WindowBatcher([episode], stats, scaling, Observations.Length, Actions.Length, window: 4, imageLength: 0, stepWeights: weights);
        var plain = new WindowBatcher([episode], stats, scaling, Observations.Length, Actions.Length, window: 4, imageLength: 0);

        Assert.Equal([1f, 3f, 1f, 0f], weighted.Batch([0], 0, 0).Mask.data<float>().ToArray());
        Assert.Equal([1f, 1f, 1f, 0f], plain.Batch([0], 0, 0).Mask.data<float>().ToArray());
    }

    [Fact]
    public void TheWeightChangesTrainingIsNamedInTheProvenanceAndIsValidated()
    {
        TorchSetup.Initialise();
        var plain = SmokeConfigs.State(Path.Combine(_folder, "plain"), epochs: 1);
        var braking = SmokeConfigs.State(Path.Combine(_folder, "braking"), epochs: 1);
        braking = braking with { Training = braking.Training with { BrakeWeight = 4 } };
        var data = SyntheticData.Generate(16, 120, plain.Seed);

        var withoutWeight = new BehaviourCloningTrainer(new FakeTimeProvider()).Run(plain, data, new FakeTrainingProgress());
        var withWeight = new BehaviourCloningTrainer(new FakeTimeProvider()).Run(braking, data, new FakeTrainingProgress());

        Assert.NotEqual(withoutWeight.History[0].TrainLoss, withWeight.History[0].TrainLoss);
        using var policy = FlightPolicy.Open(braking.Output);
        Assert.Matches(@"braking steps \([0-9.]+ ?% of the training steps\) weighted 4$", policy.Document.Provenance.Details["loss"]);
        Assert.Contains((braking with { Training = braking.Training with { BrakeWeight = 0.5 } }).Validate(), p => p.Contains("brake_weight: is 0.5"));
        var noVelocity = braking with { Observations = ["goal_body_forward", "goal_body_right"] };
        Assert.Contains(noVelocity.Validate(), p => p.Contains("brake_weight: needs velocity_body_forward"));
    }

    private static TrainingEpisode Episode(float[] velocity, float[] command)
    {
        int steps = velocity.Length;
        var observations = new float[steps * 2];
        var actions = new float[steps * 2];
        for (int t = 0; t < steps; t++)
        {
            observations[(t * 2) + 1] = velocity[t];
            actions[t * 2] = command[t];
        }

        return new TrainingEpisode("test", steps, observations, Enumerable.Repeat(0.05f, steps).ToArray(), actions, null, Validation: false);
    }
}
