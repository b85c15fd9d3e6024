using DroneLiquid.EndToEnd.Tests.Fakes;
using DroneLiquid.Mavlink.Messages;
using DroneLiquid.Service.Host.Loopback;
using DroneLiquid.Service.Tests.Fakes;
using DroneLiquid.Sim.Autopilot;
using DroneLiquid.Sim.Autopilot.Px4;
using DroneLiquid.Sim.Scenarios;
using static DroneLiquid.EndToEnd.Tests.Flights.MissionDoneTests;

namespace DroneLiquid.EndToEnd.Tests.Flights;

/// <summary>One loopback flight per failsafe trigger, each ending in its defined state with the vehicle never outside the envelope.</summary>
public sealed class FailsafeTests : IDisposable
{
    private readonly FakeFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Records => _folder.File("flights");

    [Theory]
    [InlineData(AutopilotKind.Px4, (Px4Modes.MainPosition << 16))]
    [InlineData(AutopilotKind.ArduPilot, 5u)] // LOITER
    public async Task A_pilot_mode_change_hands_back_within_one_tick_and_no_setpoint_follows(AutopilotKind autopilot, uint pilotMode)
    {
        var interposed = new FakeInterposedAutopilot[1];
        SimFlightResult result = await FakeFlights.FlyAsync(FakePolicies.WriteGoalSeekingPolicy(_folder.Path), Records, autopilot, TimeSpan.FromSeconds(30),
            interposed: interposed,
            configure: o => o.Control.SensorStaleAfter = TimeSpan.FromSeconds(1.2),
            started: FakeFlights.InPolicyControl((emulator, _, now) => emulator.Inject(EmulatorEvent.PilotModeSwitch(now + 1.0, pilotMode))));

        Assert.True(result.FinalState == "HandedBack", Describe(result));
        Assert.Contains(result.Failsafes, f => f.Contains("PolicyControl -> HandedBack: pilot changed the autopilot mode", StringComparison.Ordinal));
        Assert.True(interposed[0].PilotTookOver);
        Assert.Equal(0, interposed[0].SentAfterPilot);
        Assert.True(interposed[0].CallsAfterPilot <= 1, $"{interposed[0].CallsAfterPilot} ticks still tried to send after the pilot's mode was seen");
        Assert.False(result.Crash);
    }

    [Fact]
    public async Task A_lost_heartbeat_holds_then_lands()
    {
        SimFlightResult result = await FakeFlights.FlyAsync(FakePolicies.WriteGoalSeekingPolicy(_folder.Path), Records, AutopilotKind.ArduPilot, TimeSpan.FromSeconds(30),
            configure: o =>
            {
                o.Failsafe.HoldTimeout = TimeSpan.FromSeconds(3);
                o.Control.SensorStaleAfter = TimeSpan.FromSeconds(3); // so the heartbeat (1.5 s) is what trips first
            },
            started: FakeFlights.InPolicyControl((emulator, _, now) => emulator.Inject(EmulatorEvent.LinkLoss(now + 0.5, 2.5))));

        Assert.True(result.FinalState == "Landed", Describe(result));
        Assert.Contains(result.Failsafes, f => f.Contains("PolicyControl -> Holding: autopilot heartbeat lost", StringComparison.Ordinal));
        Assert.Contains(result.Failsafes, f => f.Contains("Holding -> Landing: held longer than the hold timeout", StringComparison.Ordinal));
        Assert.False(result.Crash);
    }

    [Fact]
    public async Task A_stale_position_stream_holds()
    {
        SimFlightResult result = await FakeFlights.FlyAsync(FakePolicies.WriteStatePolicy(_folder.Path), Records, AutopilotKind.Px4, TimeSpan.FromSeconds(8),
            started: FakeFlights.InPolicyControl((emulator, _, now) =>
            {
                emulator.Streams.SetRate(LocalPositionNedMessage.MavlinkId, 0, now);
                emulator.DelayAsync(2.0).ContinueWith(_ => emulator.Streams.SetRate(LocalPositionNedMessage.MavlinkId, 50, emulator.World.ElapsedSeconds), TaskScheduler.Default);
            }));

        Assert.True(result.FinalState is "Landed" or "HandedBack", Describe(result));
        Assert.Contains(result.Failsafes, f => f.Contains("PolicyControl -> Holding: required sensor stale", StringComparison.Ordinal));
        Assert.False(result.Crash);
    }

    [Fact]
    public async Task A_policy_whose_output_overflows_to_infinity_holds_and_nothing_non_finite_is_sent()
    {
        // The goal-seeking controller with a projection of float.MaxValue: the target ahead drives the output to +inf.
        string policy = FakePolicies.WriteGoalSeekingPolicy(_folder.Path, name: "overflowing", projectionGain: float.MaxValue, projectionBias: float.MaxValue);

        SimFlightResult result = await FakeFlights.FlyAsync(policy, Records, AutopilotKind.Px4, TimeSpan.FromSeconds(30),
            configure: o => o.Failsafe.HoldTimeout = TimeSpan.FromSeconds(2));

        Assert.True(result.FinalState == "Landed", Describe(result));
        Assert.Contains(result.Failsafes, f => f.Contains("PolicyControl -> Holding: policy output not finite", StringComparison.Ordinal));
        Assert.True(result.DistanceM < 5, Describe(result));
        Assert.False(result.Crash);
    }

    [Fact]
    public async Task Ticks_that_overrun_their_deadline_hold()
    {
        var interposed = new FakeInterposedAutopilot[1];
        int slow = 0;
        SimFlightResult result = await FakeFlights.FlyAsync(FakePolicies.WriteStatePolicy(_folder.Path), Records, AutopilotKind.ArduPilot, TimeSpan.FromSeconds(8),
            interposed: interposed, lockstepBudget: TimeSpan.FromMilliseconds(5),
            started: (emulator, session) => FakeFlights.InPolicyControl((e, _, _) =>
            {
                // Eight ticks each take 60 ms of simulated time (three periods at 50 Hz), well short of a stall.
                interposed[0].BeforeSend = () =>
                {
                    if (Interlocked.Increment(ref slow) <= 8)
                    {
                        double until = e.World.ElapsedSeconds + 0.06;
                        SpinWait.SpinUntil(() => e.World.ElapsedSeconds >= until, TimeSpan.FromSeconds(5));
                    }
                };
            })(emulator, session));

        Assert.True(result.FinalState is "Landed" or "HandedBack", Describe(result));
        Assert.Contains(result.Failsafes, f => f.Contains("PolicyControl -> Holding: tick deadline missed too many times in a row", StringComparison.Ordinal));
        Assert.True(result.DeadlineMisses >= 5, Describe(result));
        Assert.False(result.Crash);
    }

    [Fact]
    public async Task A_critical_battery_lands()
    {
        SimFlightResult result = await FakeFlights.FlyAsync(FakePolicies.WriteGoalSeekingPolicy(_folder.Path), Records, AutopilotKind.Px4, TimeSpan.FromSeconds(40),
            events: [SimEvent.LowBattery(16, 0.1f)]);

        Assert.True(result.FinalState == "Landed", Describe(result));
        Assert.Contains(result.Failsafes, f => f.Contains("-> Landing: battery critical", StringComparison.Ordinal));
        Assert.False(result.Success);
        Assert.False(result.Crash);
    }

    [Fact]
    public async Task A_gust_that_carries_the_vehicle_out_of_a_small_fence_lands()
    {
        // A 12 m fence (10 m inside its margin) around home, the target 8 m east, and a 14 m/s gust blowing north while
        // the policy flies: the envelope removes outward commands, but the wind beats it.
        SimFlightResult result = await FakeFlights.FlyAsync(FakePolicies.WriteGoalSeekingPolicy(_folder.Path), Records, AutopilotKind.Px4, TimeSpan.FromSeconds(40),
            configure: o =>
            {
                o.Envelope.GeofenceRadiusMetres = 12;
                o.Mission.TargetNorthMetres = 0;
                o.Mission.TargetEastMetres = 8;
                o.Mission.TargetRadiusMetres = 0.2f;
            },
            events: [SimEvent.WindGust(11, new System.Numerics.Vector3(16, 0, 0), 10)]);

        Assert.True(result.FinalState == "Landed", Describe(result));
        Assert.Contains(result.Failsafes, f => f.Contains("-> Landing: outside the geofence", StringComparison.Ordinal));
        Assert.False(result.Crash);
    }
}
