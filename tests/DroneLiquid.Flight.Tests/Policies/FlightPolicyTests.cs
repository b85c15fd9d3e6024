using System.Text.Json.Nodes;
using DroneLiquid.Flight.Frames;
using DroneLiquid.Flight.Observations;
using DroneLiquid.Flight.Policies;
using DroneLiquid.Flight.Tests.Fakes;
using DroneLiquid.Liquid.Policies;

namespace DroneLiquid.Flight.Tests.Policies;

/// <summary>Policy folders written by PolicyFolder.Write (state and vision) open, step on elapsed time, and refuse width mismatches in one line.</summary>
public class FlightPolicyTests
{
    private static readonly FlightSnapshot Snapshot = new(new PositionNed(1, 2, -5), new VelocityNed(0.5f, 0, 0), 0, 0, 0.3f, 0, 0, 0, 0, 0, -9.81f, new PositionNed(30, 0, -5));

    [Fact]
    public void A_state_policy_steps_and_its_memory_depends_on_elapsed_time()
    {
        using var a = FlightPolicy.Open(FakePolicyFolders.State);
        using var b = FlightPolicy.Open(FakePolicyFolders.State);
        Assert.False(a.IsVision);
        Assert.Equal(0, a.FeatureCount);
        Assert.True(a.Image.IsEmpty);

        Assert.Equal(PolicyStepStatus.Ok, a.TryStep(Snapshot, 0.02f, out var first));
        Assert.Equal(PolicyStepStatus.Ok, b.TryStep(Snapshot, 0.02f, out var same));
        Assert.Equal(first, same);
        Assert.Equal(VelocityFrame.BodyFrd, first.Frame);

        a.TryStep(Snapshot, 0.02f, out var shortGap);
        b.TryStep(Snapshot, 0.5f, out var longGap);
        Assert.NotEqual(shortGap, longGap);
        Assert.Equal(8, a.RawObservations.Length);
        // The goal is 29 m north and 2 m west of the vehicle; heading 0.3 rad: forward = 29 cos 0.3 - 2 sin 0.3.
        Assert.Equal((29 * MathF.Cos(0.3f)) - (2 * MathF.Sin(0.3f)), a.RawObservations[0], 4);
        Assert.Equal(ObservationCatalog.Compute(ObservationFeature.GoalBodyForward, Snapshot), a.RawObservations[0]);
    }

    [Fact]
    public void Bad_steps_leave_the_memory_untouched()
    {
        using var a = FlightPolicy.Open(FakePolicyFolders.State);
        using var b = FlightPolicy.Open(FakePolicyFolders.State);
        Assert.Equal(PolicyStepStatus.InvalidElapsedTime, a.TryStep(Snapshot, -1f, out var none));
        Assert.Equal(default, none);
        Assert.Equal(PolicyStepStatus.ObservationNonFinite, a.TryStep(Snapshot with { YawRadians = float.NaN }, 0.02f, out _));
        a.TryStep(Snapshot, 0.02f, out var afterBad);
        b.TryStep(Snapshot, 0.02f, out var clean);
        Assert.Equal(clean, afterBad);
    }

    [Fact]
    public void A_vision_policy_reads_its_image_and_reports_features()
    {
        using var policy = FlightPolicy.Open(FakePolicyFolders.Vision);
        Assert.True(policy.IsVision);
        Assert.Equal(8, policy.FeatureCount);
        Assert.Equal(3 * 64 * 48, policy.Image.Length);
        Assert.Equal(8, policy.Observations.Count);

        policy.Image.Fill(0.25f);
        Assert.Equal(PolicyStepStatus.Ok, policy.TryStep(Snapshot, 0.02f, out var dim));
        float[] dimFeatures = policy.Features.ToArray();
        policy.Image.Fill(0.9f);
        policy.TryStep(Snapshot, 0.02f, out var bright);
        Assert.NotEqual(dimFeatures, policy.Features.ToArray());
        Assert.NotEqual(dim, bright);

        policy.Image[7] = float.NaN;
        Assert.Equal(PolicyStepStatus.ObservationNonFinite, policy.TryStep(Snapshot, 0.02f, out _));
    }

    [Fact]
    public void An_observation_the_flight_code_cannot_compute_is_one_line_naming_the_file()
    {
        string folder = FakePolicyFolders.Copy(FakePolicyFolders.State);
        string path = Path.Combine(folder, PolicyFolder.PolicyFileName);
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        string text = json.ToJsonString().Replace("\"yaw_cos\"", "\"lidar_range\"", StringComparison.Ordinal);
        File.WriteAllText(path, text);

        var e = Assert.Throws<PolicyFormatException>(() => FlightPolicy.Open(folder));
        string message = Assert.Single(e.Problems);
        Assert.StartsWith($"{path}: observations[7] 'lidar_range' is not an observation this flight code can compute", message);
        Assert.DoesNotContain('\n', message);
    }

    [Fact]
    public void Actions_that_do_not_match_the_outputs_are_one_line()
    {
        string folder = FakePolicyFolders.Copy(FakePolicyFolders.State);
        string path = Path.Combine(folder, PolicyFolder.PolicyFileName);
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"yaw_rate\"", "\"thrust\"", StringComparison.Ordinal));

        var e = Assert.Throws<PolicyFormatException>(() => FlightPolicy.Open(folder));
        Assert.StartsWith($"{path}: actions[3] 'thrust' is not a command this flight code sends", Assert.Single(e.Problems));
    }
}
