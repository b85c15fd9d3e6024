using DroneLiquid.Evaluation.Datasets;
using DroneLiquid.Evaluation.Episodes;
using DroneLiquid.Flight.Policies;
using DroneLiquid.Sim.Worlds;
using DroneLiquid.Training.Config;
using DroneLiquid.Training.Data;
using DroneLiquid.Training.Modules;
using DroneLiquid.Training.Tests.Fakes;
using DroneLiquid.Training.Trainer;
using Microsoft.Extensions.Time.Testing;

namespace DroneLiquid.Training.Tests.Data;

/// <summary>The auxiliary nearness targets come from the recorded episode's own world, seen from its recorded poses.</summary>
public sealed class NearnessTargetsTests : IDisposable
{
    private const int Width = 32, Height = 24;
    private readonly string _folder = Directory.CreateTempSubdirectory("dl-nearness-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void TheRebuiltWorldSeenFromTheRecordedPosesIsTheRecordedFrame()
    {
        var data = Collect();
        foreach (var episode in data.Episodes)
        {
            var (camera, home) = NearnessTargets.Rebuild(episode, Width, Height);
            var rgb = new byte[Width * Height * 3];
            var depth = new float[Width * Height];
            double matched = 0, turned = 0;
            int frames = 0;
            for (int t = 0; t < episode.Steps; t += 10, frames++)
            {
                var (position, attitude) = NearnessTargets.PoseAt(episode.Origin!, t, home);
                camera.Render(position, attitude, rgb, depth);
                matched += MeanAbsoluteDifference(rgb, episode.Images!, t);
                var yawed = System.Numerics.Quaternion.CreateFromAxisAngle(System.Numerics.Vector3.UnitZ, 0.3f) * attitude;
                camera.Render(position, yawed, rgb, depth);
                turned += MeanAbsoluteDifference(rgb, episode.Images!, t);
            }

            // The recorded pose is the autopilot's estimate (centimetres and a fraction of a degree off the truth).
            Assert.True(matched / frames < 4, $"{episode.Id}: mean difference {matched / frames:F2} of 255 from the recorded frames");
            Assert.True(turned > 3 * matched, $"{episode.Id}: a view turned 0.3 rad differs by {turned / frames:F2}, barely more than {matched / frames:F2}");
        }
    }

    [Fact]
    public void NearnessIsHighWhereTheViewIsNearAndTheTrunkLearnsIt()
    {
        var data = Collect();
        var nearness = NearnessTargets.Render(data.Episodes);
        int cells = NearnessTargets.Cells, columns = NearnessTargets.Columns;
        for (int e = 0; e < data.Episodes.Count; e++)
        {
            Assert.Equal(data.Episodes[e].Steps * cells, nearness[e].Length);
            Assert.All(nearness[e], n => Assert.InRange(n, 0.005f, 1f));
            // The bottom row sees the ground a few metres ahead; the top row mostly sky or far trees.
            double bottom = 0, top = 0;
            for (int t = 0; t < data.Episodes[e].Steps; t++)
            {
                for (int c = 0; c < columns; c++)
                {
                    bottom += nearness[e][t * cells + cells - columns + c];
                    top += nearness[e][t * cells + c];
                }
            }

            Assert.True(bottom > 2 * top, $"bottom row {bottom:F1}, top row {top:F1}");
        }

        var config = Config(nearnessWeight: 1.0);
        var result = new BehaviourCloningTrainer(new FakeTimeProvider()).Run(config, data, new FakeTrainingProgress());
        Assert.True(result.TrunkHistory[^1].TrainLoss < result.TrunkHistory[0].TrainLoss, "stage one's loss with nearness should fall");
    }

    [Fact]
    public void NearnessBandsShareTheTrunkAndTheExportedPolicySeesThem()
    {
        var data = Collect();
        string trunkFolder = Path.Combine(_folder, "trunk");
        var plain = Named(Config(nearnessWeight: 1.0), "plain", trunkFolder);
        var banded = Named(Config(nearnessWeight: 1.0), "banded", trunkFolder);
        banded = banded with { Vision = banded.Vision! with { NearnessBands = 4 } };
        var second = new FakeTrainingProgress();

        var plainResult = new BehaviourCloningTrainer(new FakeTimeProvider()).Run(plain, data, new FakeTrainingProgress());
        var bandedResult = new BehaviourCloningTrainer(new FakeTimeProvider()).Run(banded, data, second);

        Assert.Equal(("trunk", 4), second.Starts[0]); // the head-side option leaves the trunk's identity alone: reused
        Assert.Equal(plainResult.TrunkHistory, bandedResult.TrunkHistory);
        using var plainPolicy = FlightPolicy.Open(plain.Output);
        using var bandedPolicy = FlightPolicy.Open(banded.Output);
        Assert.Contains("4 nearness bands", bandedPolicy.Document.Provenance.Details["model"]);
        var frame = data.Episodes[0].Images.AsSpan(12 * 3 * Width * Height, 3 * Width * Height);
        PolicySteps.OnFrame(frame, plainPolicy, bandedPolicy);

        Assert.Equal(4 + 4, bandedPolicy.Features.Length);
        Assert.Equal(plainPolicy.Features.ToArray(), bandedPolicy.Features[..4].ToArray());

        // The bands are stage one's own nearness prediction for the frame, averaged over four strips, left to right.
        using var trunk = new TorchConvTrunk(Width, Height, 4);
        using var readout = new FrameReadout(trunk, 3, 4, 8, NearnessTargets.Cells);
        readout.load(Path.Combine(trunkFolder, "best.model"));
        readout.eval();
        var pixels = new float[3 * Width * Height];
        WindowBatcher.ToUnit(frame, pixels);
        float[] grid;
        using (TorchSharp.torch.no_grad())
        {
            grid = readout.ForwardWithNearness(TorchSharp.torch.tensor(pixels, [1, 3, Height, Width]), TorchSharp.torch.zeros(1, 3)).Nearness!.data<float>().ToArray();
        }

        int columns = NearnessTargets.Columns;
        for (int band = 0; band < 4; band++)
        {
            double mean = Enumerable.Range(0, NearnessTargets.Cells).Where(c => c % columns / (columns / 4) == band).Average(c => grid[c]);
            Assert.Equal(mean, bandedPolicy.Features[4 + band], 1e-5);
        }

        // Left out, the option is not written (existing fingerprints stay); values that cannot work are refused.
        Assert.DoesNotContain("nearness_bands", System.Text.Json.JsonSerializer.Serialize(plain.Vision, TrainingConfig.JsonOptions));
        Assert.Contains((banded with { Vision = banded.Vision with { NearnessBands = 3 } }).Validate(), p => p.Contains("nearness_bands: is 3"));
        var withoutReadout = banded with { Vision = banded.Vision with { Pretrain = banded.Vision.Pretrain! with { NearnessWeight = null } } };
        Assert.Contains(withoutReadout.Validate(), p => p.Contains("nearness_bands: needs pretrain.nearness_weight"));
    }

    [Fact]
    public void GeneratedDataHasNoWorldToRebuild()
    {
        var synthetic = SyntheticData.Generate(2, 10, 3);
        var ex = Assert.Throws<TrainingConfigException>(() => NearnessTargets.Render(synthetic.Episodes[0]));
        Assert.Contains("collected data", ex.Message);
    }

    private TrainingData Collect()
    {
        string folder = Path.Combine(_folder, "forest");
        if (!File.Exists(Path.Combine(folder, DatasetManifest.FileName)))
        {
            DatasetCollector.Collect(new CollectOptions
            {
                Settings = new EpisodeSettings { World = WorldKind.Forest, ImageWidth = Width, ImageHeight = Height, TimeLimitSeconds = 8 },
                Seed = 3,
                Episodes = 2,
                OutputDirectory = folder,
                Workers = 1,
            });
        }

        return CollectedData.Load(folder, Config(nearnessWeight: null));
    }

    private TrainingConfig Config(double? nearnessWeight) => new(
        "nearness",
        "test run",
        [Path.Combine(_folder, "forest")],
        Path.Combine(_folder, "run", "policy"),
        Path.Combine(_folder, "run", "checkpoints"),
        7,
        ["goal_body_forward", "goal_body_right", "velocity_body_forward"],
        ["velocity_body_forward", "velocity_body_right", "velocity_body_down", "yaw_rate"],
        new ModelConfig("cfc", Units: 6, BackboneUnits: 8),
        new VisionConfig(Width, Height, 4, new TrunkPretrainConfig(Epochs: 3, Batch: 16, Hidden: 8, LearningRate: 0.01, LearningRateFinal: 0.003, NearnessWeight: nearnessWeight)),
        new OptimisationConfig(Epochs: 1, Window: 8, Batch: 4, LearningRate: 0.01, LearningRateFinal: 0.003, ValidationFraction: 0.5));

    /// <summary>The run under its own name, its trunk stage in <paramref name="trunkFolder"/>.</summary>
    private TrainingConfig Named(TrainingConfig config, string name, string trunkFolder) => config with
    {
        Output = Path.Combine(_folder, name, "policy"),
        Checkpoints = Path.Combine(_folder, name, "checkpoints"),
        Vision = config.Vision! with { Pretrain = config.Vision.Pretrain! with { Checkpoints = trunkFolder } },
    };

    private static double MeanAbsoluteDifference(byte[] rgb, byte[] planes, int step)
    {
        int pixels = Width * Height, offset = step * pixels * 3;
        long sum = 0;
        for (int p = 0; p < pixels; p++)
        {
            for (int ch = 0; ch < 3; ch++)
            {
                sum += Math.Abs(rgb[3 * p + ch] - planes[offset + ch * pixels + p]);
            }
        }

        return sum / (3.0 * pixels);
    }
}
