using DroneLiquid.Flight.Failsafe;
using DroneLiquid.Flight.Policies;
using DroneLiquid.Flight.Recorder;
using DroneLiquid.Flight.Replay;
using DroneLiquid.Flight.Tests.Fakes;

namespace DroneLiquid.Flight.Tests.Replay;

/// <summary>A recorded flight replays bit for bit with the policy that flew it, and visibly differs with another.</summary>
public class FlightReplayTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_policy_that_flew_reproduces_its_recorded_outputs_exactly(bool vision)
    {
        string folder;
        await using (var rig = new FakeSessionRig(record: true, vision: vision))
        {
            rig.FlyToPolicyControl();
            rig.Tick(100);
            rig.Autopilot.PositionFrozen = true; // a stale stretch: ticks recorded without a step
            rig.Tick(40);
            rig.Autopilot.PositionFrozen = false;
            rig.TickUntil(() => rig.Session.State == FlightState.PolicyControl, 20);
            await rig.Autopilot.StartVelocityControlAsync();
            rig.Tick(30); // the gap since the last step is in the next elapsed time
            rig.Cancel();
            rig.Finish();
            folder = rig.Recorder!.FolderPath;
        }

        var result = FlightReplay.Run(folder);

        Assert.True(result.SamePolicy);
        Assert.True(result.Exact, $"max |d| {result.MaxAbsDifference} at tick {result.WorstTick}, {result.StatusMismatches} status mismatches");
        // At least the 100 + 25 (before the frozen position goes stale) + 30 scripted steps; more when the session
        // thread is slow to apply the stop on a loaded machine.
        Assert.True(result.Compared >= 150 && result.Compared == result.Steps, $"{result.Compared} compared, {result.Steps} steps, {result.Ticks} ticks");
        Assert.True(result.Ticks > result.Steps + 10, $"{result.Ticks} ticks, {result.Steps} steps"); // start-up and the stale stretch step nothing
        using var log = TickLogReader.Open(Path.Combine(folder, FlightRecorder.TickLogFileName));
        Assert.Equal(vision ? 8 : 0, log.Layout.FeatureCount);
        Assert.Contains(log.ReadAll(), r => r.Sample.Step == PolicyStepStatus.Ok && r.Sample.ElapsedSeconds > 0.2f);
    }

    [Fact]
    public async Task Another_policy_differs_and_a_missing_record_is_named()
    {
        string folder;
        await using (var rig = new FakeSessionRig(record: true))
        {
            rig.FlyToPolicyControl();
            rig.Tick(20);
            rig.Cancel();
            rig.Finish();
            folder = rig.Recorder!.FolderPath;
        }

        string other = UntrainedPolicy.WriteState(FakePolicyFolders.NewDirectory("other"), seed: 2);
        var result = FlightReplay.Run(folder, other);
        Assert.False(result.SamePolicy);
        Assert.False(result.Exact);
        Assert.True(result.MaxAbsDifference > 1e-3, $"{result.MaxAbsDifference}");

        string empty = FakePolicyFolders.NewDirectory("not-a-flight");
        var e = Assert.Throws<InvalidDataException>(() => FlightReplay.Run(empty));
        Assert.Equal($"{Path.Combine(empty, FlightRecordInfo.FileName)}: not found; a flight folder written by the flight session holds it", e.Message);
        var vision = Assert.Throws<InvalidDataException>(() => FlightReplay.Run(folder, FakePolicyFolders.Vision));
        Assert.EndsWith("the log has 8 observations, 0 image features and 4 outputs; policy 'untrained-vision' takes 8, 8 and gives 4", vision.Message);
    }
}
