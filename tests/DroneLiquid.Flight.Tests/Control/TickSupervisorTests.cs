using DroneLiquid.Flight.Control;
using DroneLiquid.Flight.Failsafe;
using DroneLiquid.Flight.Tests.Fakes;

namespace DroneLiquid.Flight.Tests.Control;

/// <summary>A tick that blocks: the setpoint stream stops, the supervisor commands Hold and the watchdog signal drops.</summary>
public class TickSupervisorTests
{
    [Fact]
    public async Task A_stalled_tick_stops_the_setpoints_and_the_supervisor_holds_the_vehicle()
    {
        await using var rig = new FakeSessionRig();
        rig.FlyToPolicyControl();
        rig.Tick(10);
        Assert.True(rig.Session.TickHealthy);

        using var gate = new ManualResetEventSlim(false);
        rig.Autopilot.OnSend = () => gate.Wait();
        rig.Tick(); // this tick blocks inside SendVelocity
        int sent = rig.Autopilot.SetpointCount;
        for (int i = 0; i < 40 && rig.Autopilot.HoldCalls == 0; i++)
        {
            rig.Time.Advance(rig.Control.Period);
            Thread.Sleep(1);
        }

        Assert.Equal(1, rig.Autopilot.HoldCalls);
        Assert.False(rig.Session.TickHealthy);
        Assert.Equal(sent, rig.Autopilot.SetpointCount);

        rig.Autopilot.OnSend = null;
        gate.Set();
        rig.TickUntil(() => rig.Session.State == FlightState.Holding, 50, "Holding after the stall");
        rig.Tick(20);
        Assert.Equal(sent, rig.Autopilot.SetpointCount);
        Assert.True(rig.Session.TickHealthy, "ticks complete again");

        rig.Cancel();
        var outcome = rig.Finish();
        Assert.Equal(FlightState.Holding, outcome.FinalState);
        Assert.Equal("control tick stalled: supervisor commanded Hold", outcome.Reason);
        Assert.Equal(FailsafeTrigger.StopRequested, outcome.Failsafes[0].Trigger);
    }
}
