using DroneLiquid.Flight.Control;
using DroneLiquid.Flight.Envelope;
using DroneLiquid.Flight.Failsafe;
using DroneLiquid.Flight.Policies;
using DroneLiquid.Flight.Tests.Fakes;

namespace DroneLiquid.Flight.Tests.Control;

public class ControlTickTests
{
    [Fact]
    public async Task A_transition_callback_already_reads_the_decision_it_announces()
    {
        // The session wakes on the callback and reads Decision: an old decision there would leave a hold unseen
        // until its next timed look.
        var clock = new FakeClock();
        var autopilot = new FakeAutopilot(clock);
        using var policy = FlightPolicy.Open(FakePolicyFolders.State);
        using var metrics = new FlightMetrics();
        var control = new ControlOptions();
        ControlTick? tick = null;
        var seen = new List<(FailsafeTransition Transition, FailsafeDecision Read)>();
        tick = new ControlTick(autopilot, policy, null, FakeSessionRig.FarPlan, control, new EnvelopeOptions(), new FailsafeOptions(), null, metrics, clock,
            t => seen.Add((t, tick!.Decision)));
        void RunTicks(int count)
        {
            for (int i = 0; i < count; i++)
            {
                clock.Advance(control.Period);
                tick.Run(clock.GetTimestamp());
            }
        }

        await autopilot.ArmAsync();
        await autopilot.TakeoffAsync(5);
        await autopilot.StartVelocityControlAsync();
        tick.MarkVelocityControlStarted();
        RunTicks(20);
        autopilot.PositionFrozen = true;
        RunTicks(50);

        Assert.Equal(FlightState.Holding, tick.Decision.State);
        Assert.Equal(
            [FlightState.Preflight, FlightState.Armed, FlightState.TakingOff, FlightState.PolicyControl, FlightState.Holding],
            seen.Select(s => s.Transition.To));
        Assert.All(seen, s => Assert.Equal(new FailsafeDecision(s.Transition.To, s.Transition.Action, s.Transition.Trigger), s.Read));
    }
}
