using DroneLiquid.Evaluation.Datasets;
using DroneLiquid.Evaluation.Episodes;
using DroneLiquid.Evaluation.Flying;
using DroneLiquid.Evaluation.Tests.Fakes;
using DroneLiquid.Flight.Observations;
using DroneLiquid.Sim.Worlds;

namespace DroneLiquid.Evaluation.Tests.Datasets;

public sealed class DatasetCollectorTests
{
    [Fact]
    public void The_same_arguments_give_a_byte_identical_dataset_on_any_number_of_workers()
    {
        string one = Collect(workers: 1, noise: 0.5f);
        string two = Collect(workers: 2, noise: 0.5f);
        string[] files = Directory.GetFiles(one).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;
        Assert.Equal(files, Directory.GetFiles(two).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray());
        Assert.Contains(DatasetManifest.FileName, files);
        Assert.Equal(4, files.Length);
        foreach (string file in files)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(one, file)), File.ReadAllBytes(Path.Combine(two, file)));
        }

        string other = Collect(workers: 2, noise: 0.5f, seed: 8);
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(one, "episode_00000.bin")), File.ReadAllBytes(Path.Combine(other, "episode_00000.bin")));
    }

    [Fact]
    public void A_dataset_holds_every_catalogue_feature_the_expert_labels_and_the_real_elapsed_times()
    {
        string dir = Collect(workers: 2, noise: 0.8f, image: true);
        DatasetReader reader = DatasetReader.Open(dir);
        DatasetManifest m = reader.Manifest;
        Assert.Equal(ObservationCatalog.Names, m.Features.Select(f => f.Name));
        Assert.Equal(["velocity_body_forward", "velocity_body_right", "velocity_body_down", "yaw_rate"], m.Actions.Select(a => a.Name));
        Assert.Equal(new DatasetImage(32, 24), m.Image);
        Assert.Equal("train", m.Purpose);
        Assert.All(m.Episodes, e => Assert.True(e.ExpertSuccess, $"{e.File}: {e.Outcome}"));

        EpisodeData data = reader.ReadEpisode(0);
        Assert.Equal(m.Episodes[0].Samples, data.Samples);
        int goalDistance = reader.FeatureIndex("goal_distance");
        Assert.True(data.FeaturesAt(0)[goalDistance] > data.FeaturesAt(data.Samples - 1)[goalDistance] + 5f, "the goal must come closer");
        Assert.True(data.FeaturesAt(data.Samples - 1)[goalDistance] < 3f);

        // Jittered 20 Hz: elapsed times vary around 50 ms, and a sample after a dropped frame spans about two periods.
        Assert.InRange(data.ElapsedSeconds.Where((_, s) => !data.Flags[s].HasFlag(SampleFlags.FrameDropped)).Average(), 0.047, 0.053);
        Assert.True(data.ElapsedSeconds.Distinct().Count() > data.Samples / 4);
        Assert.Contains(data.Flags, f => f.HasFlag(SampleFlags.FrameDropped));
        Assert.All(Enumerable.Range(0, data.Samples).Where(s => data.Flags[s].HasFlag(SampleFlags.FrameDropped)), s => Assert.True(data.ElapsedSeconds[s] > 0.07f));
        Assert.All(data.Flags, f => Assert.True(f.HasFlag(SampleFlags.Perturbed)));
        Assert.Contains(data.Images, b => b != data.Images[0]);
    }

    [Fact]
    public void A_dagger_round_lets_the_learner_fly_some_ticks_while_the_expert_labels_every_one()
    {
        string learner = TinyPolicies.State();
        string dir = Path.Combine(TestFolders.Create(), "dagger");
        DatasetManifest manifest = DatasetCollector.Collect(new CollectOptions
        {
            Settings = SmallEpisodes.Settings(WorldKind.Forest) with { TimeLimitSeconds = 10 },
            Seed = 3,
            Episodes = 2,
            OutputDirectory = dir,
            Mix = new PilotMix(0.5, 0f, true),
            LearnerDirectory = learner,
            Workers = 2,
        });
        Assert.Equal("tiny-state", manifest.Dagger!.Policy);
        Assert.Equal(0.5, manifest.Dagger.Beta);
        EpisodeData data = DatasetReader.Open(dir).ReadEpisode(0);
        int learnerTicks = data.Flags.Count(f => f.HasFlag(SampleFlags.LearnerInControl));
        Assert.InRange(learnerTicks, data.Samples / 4, 3 * data.Samples / 4);

        // The label is the expert's whoever flew: it points at the goal in the heading frame on learner ticks too.
        int forward = DatasetReader.Open(dir).FeatureIndex("goal_body_forward");
        int right = DatasetReader.Open(dir).FeatureIndex("goal_body_right");
        int agreeing = Enumerable.Range(0, data.Samples).Count(s =>
            data.Flags[s].HasFlag(SampleFlags.LearnerInControl) && data.FeaturesAt(s)[forward] * data.ActionAt(s)[0] + data.FeaturesAt(s)[right] * data.ActionAt(s)[1] > 0);
        Assert.True(agreeing > learnerTicks / 2, $"{agreeing} of {learnerTicks} learner-tick labels point toward the goal");
    }

    [Fact]
    public void Collecting_test_episodes_or_into_an_existing_dataset_is_refused()
    {
        var options = new CollectOptions
        {
            Settings = SmallEpisodes.Settings(WorldKind.Empty),
            Purpose = EpisodePurpose.Test,
            Seed = 1,
            Episodes = 1,
            OutputDirectory = TestFolders.Create(),
        };
        Assert.Contains("reserved for evaluation", Assert.Throws<ArgumentException>(() => DatasetCollector.Collect(options)).Message);
        string existing = Collect(workers: 1, noise: 0f);
        Assert.Contains("already holds a dataset", Assert.Throws<IOException>(() => DatasetCollector.Collect(options with { Purpose = EpisodePurpose.Train, OutputDirectory = existing })).Message);
    }

    private static string Collect(int workers, float noise, ulong seed = 7, bool image = false)
    {
        string dir = Path.Combine(TestFolders.Create(), "data");
        DatasetCollector.Collect(new CollectOptions
        {
            Settings = SmallEpisodes.Settings(WorldKind.Forest, image ? 32 : 0, image ? 24 : 0),
            Seed = seed,
            Episodes = 3,
            OutputDirectory = dir,
            Mix = new PilotMix(1.0, noise, true),
            Workers = workers,
        });
        return dir;
    }
}
