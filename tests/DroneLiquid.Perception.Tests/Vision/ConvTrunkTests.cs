using DroneLiquid.Perception.Onnx;
using DroneLiquid.Perception.Vision;

namespace DroneLiquid.Perception.Tests.Vision;

public class ConvTrunkTests
{
    public static TheoryData<int, int> Sizes => new() { { 64, 48 }, { 128, 96 }, { 256, 144 } };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Trunk_runs_at_each_size_and_its_features_depend_on_the_image(int width, int height)
    {
        var spec = ConvTrunk.SpecFor(width, height, 32);
        using var runner = OnnxRunner.Load(ConvTrunk.Create(spec, 3), $"trunk {width}x{height}", [spec.Input], [spec.Output]);
        using var image = runner.CreateBuffer(spec.InputName);
        using var features = runner.CreateBuffer(spec.OutputName);
        using var binding = runner.Bind([image], [features]);
        var random = new Random(1);
        for (int i = 0; i < image.Span.Length; i++) image.Span[i] = random.NextSingle();
        runner.Run(binding);
        var first = features.Span.ToArray();
        Assert.All(first, v => Assert.True(float.IsFinite(v) && v > -1f && v < 1f));
        Assert.Contains(first, v => Math.Abs(v) > 1e-3f);
        image.Span.Fill(0.25f);
        runner.Run(binding);
        Assert.NotEqual(first, features.Span.ToArray());
    }

    [Fact]
    public void Same_seed_gives_the_same_graph()
    {
        var spec = ConvTrunk.SpecFor(64, 48, 8);
        Assert.Equal(ConvTrunk.Create(spec, 4), ConvTrunk.Create(spec, 4));
        Assert.NotEqual(ConvTrunk.Create(spec, 4), ConvTrunk.Create(spec, 5));
    }

    [Fact]
    public void Image_smaller_than_the_trunk_can_take_is_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => ConvTrunk.Create(ConvTrunk.SpecFor(8, 8, 4), 1));
        Assert.Contains("at least 16x16", ex.Message);
    }
}
