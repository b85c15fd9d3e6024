using DroneLiquid.EndToEnd.Tests.Fakes;
using DroneLiquid.Flight.Failsafe;
using DroneLiquid.Flight.Policies;
using DroneLiquid.Flight.Recorder;
using DroneLiquid.Service.Host.Loopback;
using DroneLiquid.Service.Tests.Fakes;
using DroneLiquid.Sim.Autopilot;
using static DroneLiquid.EndToEnd.Tests.Flights.MissionDoneTests;

namespace DroneLiquid.EndToEnd.Tests.Flights;

public sealed class VisionFlightTests : IDisposable
{
    private readonly FakeFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_vision_policy_reads_the_simulator_camera_stream_while_it_flies()
    {
        // An untrained vision policy (the perception CNN on the 128x96 sim camera + a CfC): it flies nowhere useful,
        // but every step's image features come from frames that crossed the loopback camera stream.
        string policy = UntrainedPolicy.WriteVision(_folder.File("vision"), 128, 96, 16);

        SimFlightResult result = await FakeFlights.FlyAsync(policy, _folder.File("flights"), AutopilotKind.Px4, TimeSpan.FromSeconds(3));

        Assert.True(result.FinalState == nameof(FlightState.Landed), Describe(result));
        using var reader = TickLogReader.Open(Path.Combine(result.Record, FlightRecorder.TickLogFileName));
        Assert.Equal(16, reader.Layout.FeatureCount);
        List<TickLogRecord> stepped = [.. reader.ReadAll().Where(t => t.Sample.Step == PolicyStepStatus.Ok)];
        Assert.True(stepped.Count > 100, $"{stepped.Count} policy steps");
        Assert.True(stepped.Select(t => t.Features[0]).Distinct().Count() > 10, "the image features did not change: no camera frames arrived");
    }
}
