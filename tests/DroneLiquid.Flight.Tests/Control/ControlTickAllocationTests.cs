using DroneLiquid.Flight.Control;
using DroneLiquid.Flight.Envelope;
using DroneLiquid.Flight.Failsafe;
using DroneLiquid.Flight.Policies;
using DroneLiquid.Flight.Recorder;
using DroneLiquid.Flight.Tests.Fakes;
using DroneLiquid.Tests.Shared;

namespace DroneLiquid.Flight.Tests.Control;

/// <summary>
/// The whole tick (telemetry, camera frame to tensor, CNN, liquid step, envelope, failsafe, setpoint, recorder,
/// metrics) allocates nothing in steady state, for the state and the vision policy.
/// </summary>
public class ControlTickAllocationTests
{
    private const int Iterations = 2_000;

    [Fact]
    public async Task A_state_policy_tick_allocates_nothing() => await AssertTickAllocatesNothing(FakePolicyFolders.State, vision: false);

    [Fact]
    public async Task A_vision_policy_tick_allocates_nothing() => await AssertTickAllocatesNothing(FakePolicyFolders.Vision, vision: true);

    private static async Task AssertTickAllocatesNothing(string folder, bool vision)
    {
        var clock = new FakeClock();
        // Stationary: the random policy would otherwise wander into new envelope branches (first-time JIT) mid-measurement.
        var autopilot = new FakeAutopilot(clock) { Stationary = true };
        using var camera = vision ? new FakeCamera(clock) : null;
        using var policy = FlightPolicy.Open(folder);
        string root = FakePolicyFolders.NewDirectory("alloc");
        using var recorder = new FlightRecorder(new FlightRecorderOptions { Directory = root, RingCapacity = 1 << 14 }, FlightTickLog.LayoutFor(policy), clock);
        using var metrics = new FlightMetrics();
        int transitions = 0;
        var control = new ControlOptions();
        var tick = new ControlTick(autopilot, policy, camera, FakeSessionRig.FarPlan with { TimeLimit = TimeSpan.FromHours(2) }, control, new EnvelopeOptions(),
            new FailsafeOptions { MissionTimeLimit = TimeSpan.FromHours(2) }, recorder, metrics, clock, _ => transitions++);
        await autopilot.ArmAsync();
        await autopilot.TakeoffAsync(5);
        await autopilot.StartVelocityControlAsync();
        tick.MarkVelocityControlStarted();

        void RunTicks(int count)
        {
            for (int i = 0; i < count; i++)
            {
                clock.Advance(control.Period);
                camera?.Publish(i);
                tick.Run(clock.GetTimestamp());
            }
        }

        RunTicks(500);
        Assert.Equal(FlightState.PolicyControl, tick.Decision.State);
        int sentBefore = autopilot.SetpointCount;
        int ticks = 0;
        Allocations.AssertNone(() =>
        {
            RunTicks(Iterations);
            ticks += Iterations;
        });

        Assert.Equal(FlightState.PolicyControl, tick.Decision.State);
        Assert.Equal(sentBefore + ticks, autopilot.SetpointCount);
        Assert.Equal(0, recorder.TicksDropped);
        Assert.Equal(4, transitions);
        if (vision)
        {
            Assert.Contains(policy.Features.ToArray(), f => f != 0);
        }
    }
}
