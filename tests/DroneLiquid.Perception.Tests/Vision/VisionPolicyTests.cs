using DroneLiquid.Liquid.Models;
using DroneLiquid.Liquid.Policies;
using DroneLiquid.Liquid.Sessions;
using DroneLiquid.Perception.Onnx;
using DroneLiquid.Perception.Vision;
using DroneLiquid.Tests.Shared;

namespace DroneLiquid.Perception.Tests.Vision;

public class VisionPolicyTests
{
    [Fact]
    public void Step_is_the_cnn_then_the_liquid_step_on_features_and_observations()
    {
        string folder = VisionFixtures.WriteFolder();
        using var policy = VisionPolicy.FromFolder(folder, VisionFixtures.Spec);
        var image = VisionFixtures.Image(9);
        float[] observations = [0.3f, -0.2f];
        var output = new float[3];
        Assert.Equal(StepStatus.Ok, policy.TryStep(image, observations, 0.05f, output));

        // The same thing by hand: the CNN alone, then a separate native session on [features, observations].
        var spec = VisionFixtures.Spec;
        using var cnn = OnnxRunner.Open(Path.Combine(folder, PolicyFolder.PerceptionFileName), [spec.Input], [spec.Output]);
        using var imageBuffer = cnn.CreateBuffer(spec.InputName);
        using var features = cnn.CreateBuffer(spec.OutputName);
        using var binding = cnn.Bind([imageBuffer], [features]);
        image.CopyTo(imageBuffer.Span);
        cnn.Run(binding);
        Assert.Equal(features.Span.ToArray(), policy.Features.ToArray());
        var session = policy.Session.Model.CreateSession();
        var expected = new float[3];
        session.Step([.. features.Span.ToArray(), .. observations], 0.05f, expected);
        Assert.Equal(expected, output);
        Assert.Equal(session.State.ToArray(), policy.Session.State.ToArray());
    }

    [Fact]
    public void Cnn_and_liquid_step_allocate_nothing()
    {
        using var policy = VisionPolicy.FromFolder(VisionFixtures.WriteFolder(), VisionFixtures.Spec);
        VisionFixtures.Image(1).CopyTo(policy.Image);
        float[] observations = [0.1f, 0.2f];
        var output = new float[3];
        Allocations.AssertNonePerCall(() => policy.TryStep(observations, 0.02f, output), calls: 300);
    }

    [Fact]
    public void Wrong_widths_leave_the_state_untouched()
    {
        using var policy = VisionPolicy.FromFolder(VisionFixtures.WriteFolder(), VisionFixtures.Spec);
        var output = new float[3];
        Assert.Equal(StepStatus.InputWidthMismatch, policy.TryStep(new float[10], [0f, 0f], 0.02f, output));
        Assert.Equal(StepStatus.InputWidthMismatch, policy.TryStep([0f], 0.02f, output));
        Assert.Equal(StepStatus.InvalidElapsedTime, policy.TryStep([0f, 0f], float.NaN, output));
        Assert.All(policy.Session.State.ToArray(), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void A_perception_graph_for_another_image_size_is_refused_naming_both_shapes()
    {
        string folder = VisionFixtures.WriteFolder();
        var ex = Assert.Throws<OnnxModelException>(() => VisionPolicy.FromFolder(folder, ConvTrunk.SpecFor(128, 96, VisionFixtures.Features)));
        Assert.Contains("input 'image' has shape [1, 3, 48, 64], expected [1, 3, 96, 128]", ex.Message);
        Assert.Contains(PolicyFolder.PerceptionFileName, ex.Message);
    }

    [Fact]
    public void A_folder_without_perception_is_not_a_vision_policy()
    {
        var ex = Assert.Throws<OnnxModelException>(() => VisionPolicy.FromFolder(VisionFixtures.WriteFolder(withPerception: false), VisionFixtures.Spec));
        Assert.Contains("is not a vision policy", ex.Message);
    }

    [Fact]
    public void A_tampered_perception_file_fails_the_folder_hash_check()
    {
        string folder = VisionFixtures.WriteFolder();
        File.AppendAllText(Path.Combine(folder, PolicyFolder.PerceptionFileName), "x");
        var ex = Assert.Throws<PolicyFormatException>(() => VisionPolicy.FromFolder(folder, VisionFixtures.Spec));
        Assert.Contains("perception.onnx: SHA-256 is", ex.Message);
    }

    [Fact]
    public void Liquid_model_narrower_than_the_features_is_refused()
    {
        var model = LiquidModel.Create(new CfcSpec(4, 8), RandomWeights.Create(new CfcSpec(4, 8), 1));
        var ex = Assert.Throws<ArgumentException>(() => VisionPolicy.Load(ConvTrunk.Create(VisionFixtures.Spec, 1), "trunk", VisionFixtures.Spec, model));
        Assert.Contains("gives 12 features, but the liquid model takes only 4 inputs", ex.Message);
    }
}
