using DroneLiquid.Evaluation.Datasets;
using DroneLiquid.Evaluation.Tests.Fakes;
using DroneLiquid.Flight.Envelope;
using DroneLiquid.Tests.Shared;

namespace DroneLiquid.Evaluation.Tests.Datasets;

public sealed class DatasetRoundTripTests
{
    private static readonly DatasetColumn[] Features = [new("goal_body_forward", "m"), new("yaw", "rad"), new("accel_z", "m/s^2")];

    private static readonly DatasetColumn[] Actions =
        [new("velocity_body_forward", "m/s"), new("velocity_body_right", "m/s"), new("velocity_body_down", "m/s"), new("yaw_rate", "rad/s")];

    [Fact]
    public void Records_written_read_back_exactly()
    {
        string dir = TestFolders.Create();
        var image = new DatasetImage(4, 2);
        int imageBytes = 4 * 2 * 3;
        var written = new List<(float Elapsed, float[] Features, PolicyCommand Action, SampleFlags Flags, byte[] Image)>();
        using (var writer = new EpisodeWriter(Path.Combine(dir, "episode_00000.bin"), Features.Length, imageBytes))
        {
            for (int s = 0; s < 5; s++)
            {
                var sample = (0.05f + (s * 0.001f), new[] { s * 1.5f, -s, -9.81f + s }, PolicyCommand.BodyFrd(s, -s * 0.5f, 0.1f, s * 0.01f),
                    s % 2 == 0 ? SampleFlags.FrameDropped : SampleFlags.LearnerInControl | SampleFlags.Perturbed, Enumerable.Range(0, imageBytes).Select(b => (byte)(b + s)).ToArray());
                writer.Append(sample.Item1, sample.Item2, sample.Item3, sample.Item4, sample.Item5);
                written.Add(sample);
            }
        }

        WriteManifest(dir, image, new DatasetEpisode("episode_00000.bin", 0, 99, 5, true, "succeeded"));
        DatasetReader reader = DatasetReader.Open(dir);
        EpisodeData data = reader.ReadEpisode(0);
        Assert.Equal(5, data.Samples);
        for (int s = 0; s < 5; s++)
        {
            Assert.Equal(written[s].Elapsed, data.ElapsedSeconds[s]);
            Assert.Equal(written[s].Features, data.FeaturesAt(s).ToArray());
            Assert.Equal(new[] { written[s].Action.X, written[s].Action.Y, written[s].Action.Z, written[s].Action.YawRateRadiansPerSecond }, data.ActionAt(s).ToArray());
            Assert.Equal(written[s].Flags, data.Flags[s]);
            Assert.Equal(written[s].Image, data.ImageAt(s).ToArray());
        }

        Assert.Equal(1, reader.FeatureIndex("yaw"));
        var tensor = new float[reader.ImageTensorLength];
        reader.ImageToTensor(data.ImageAt(1), tensor);
        Assert.Equal(data.ImageAt(1)[0] / 255f, tensor[0], 6);
    }

    [Fact]
    public void A_truncated_episode_file_gives_one_clear_error_naming_it()
    {
        string dir = TestFolders.Create();
        string path = Path.Combine(dir, "episode_00000.bin");
        using (var writer = new EpisodeWriter(path, Features.Length, 0))
        {
            for (int s = 0; s < 3; s++)
            {
                writer.Append(0.05f, [1f, 2f, 3f], PolicyCommand.BodyFrd(1, 0, 0, 0), SampleFlags.None, []);
            }
        }

        WriteManifest(dir, null, new DatasetEpisode("episode_00000.bin", 0, 1, 3, true, "succeeded"));
        using (var stream = new FileStream(path, FileMode.Open))
        {
            stream.SetLength(stream.Length - 7);
        }

        var error = Assert.Throws<DatasetFormatException>(() => DatasetReader.Open(dir));
        Assert.Contains(path, error.Message);
        Assert.Contains("truncated", error.Message);
        Assert.Contains("3 samples x 33 bytes = 99", error.Message);
    }

    [Fact]
    public void A_corrupt_flags_byte_or_manifest_is_reported_with_the_file()
    {
        string dir = TestFolders.Create();
        string path = Path.Combine(dir, "a.bin");
        using (var writer = new EpisodeWriter(path, Features.Length, 0))
        {
            writer.Append(0.05f, [1f, 2f, 3f], PolicyCommand.BodyFrd(1, 0, 0, 0), SampleFlags.None, []);
        }

        byte[] bytes = File.ReadAllBytes(path);
        bytes[^1] = 0xF0;
        File.WriteAllBytes(path, bytes);
        WriteManifest(dir, null, new DatasetEpisode("a.bin", 0, 1, 1, true, "succeeded"));
        var error = Assert.Throws<DatasetFormatException>(() => DatasetReader.Open(dir).ReadEpisode(0));
        Assert.Contains("record 0: flags byte 0xF0", error.Message);

        File.WriteAllText(Path.Combine(dir, DatasetManifest.FileName), "{ \"format\": ");
        Assert.Contains("not a dataset manifest", Assert.Throws<DatasetFormatException>(() => DatasetReader.Open(dir)).Message);
    }

    [Fact]
    public void Appending_a_record_allocates_nothing()
    {
        string dir = TestFolders.Create();
        using var writer = new EpisodeWriter(Path.Combine(dir, "e.bin"), Features.Length, 12);
        float[] features = [1f, 2f, 3f];
        byte[] image = new byte[12];
        var action = PolicyCommand.BodyFrd(1, 2, 3, 4);
        for (int i = 0; i < 100; i++)
        {
            writer.Append(0.05f, features, action, SampleFlags.None, image);
        }

        Allocations.AssertNone(() =>
        {
            for (int i = 0; i < 5000; i++)
            {
                writer.Append(0.05f, features, action, SampleFlags.FrameDropped, image);
            }
        });
    }

    private static void WriteManifest(string dir, DatasetImage? image, DatasetEpisode episode) =>
        DatasetManifestJson.Write(Path.Combine(dir, DatasetManifest.FileName), new DatasetManifest
        {
            World = "forest",
            Purpose = "train",
            Seed = 1,
            ControlRateHz = 20,
            JitterFraction = 0.1,
            FrameDropProbability = 0.05,
            WindMetresPerSecond = 1.5f,
            TimeLimitSeconds = 60,
            NoiseStd = 0,
            Image = image,
            Features = Features,
            Actions = Actions,
            RecordBytes = DatasetManifest.RecordBytesFor(Features.Length, Actions.Length, image),
            Episodes = [episode],
        });
}
