using System.Numerics;
using DroneLiquid.Mavlink.Connection;
using DroneLiquid.Mavlink.Messages;
using DroneLiquid.Sim.Autopilot.Px4;
using DroneLiquid.Sim.Autopilot.Tests.Harness;

namespace DroneLiquid.Sim.Autopilot.Tests.Px4;

/// <summary>PX4 behaviours the flight service relies on, each as real PX4 SITL showed it (FACTS_SITL_OBSERVED.md), over UDP loopback.</summary>
public sealed class Px4EmulatorTests
{
    private static readonly EmulatorOptions Fast = new() { Px4ChecksPassAfterSeconds = 1.0 };
    private const uint Offboard = 0x00060000;
    private const uint Hold = 0x03040000;
    private const uint Rtl = 0x05040000;

    [Fact]
    public async Task Boots_in_hold_uninit_until_checks_pass_then_standby()
    {
        await using EmulatorHarness h = await EmulatorHarness.StartAsync(AutopilotKind.Px4, new EmulatorOptions { Px4ChecksPassAfterSeconds = 2.5 }, speed: 20);
        await h.WaitAsync(5.0);
        HeartbeatMessage[] early = h.HeartbeatsBetween(0, 2.4);
        Assert.NotEmpty(early);
        Assert.All(early, hb => Assert.Equal((12, 2, Hold, 29, 0), (hb.Autopilot, hb.Type, hb.CustomMode, hb.BaseMode, hb.SystemStatus)));

        // Arrival is stamped on the sim clock, so on a loaded machine a HEARTBEAT sent just before the checks passed
        // can arrive after 2.6 s: what must hold is that the status only ever steps from UNINIT to STANDBY.
        byte[] later = h.HeartbeatsBetween(2.6, h.Now).Select(hb => hb.SystemStatus).ToArray();
        Assert.NotEmpty(later);
        Assert.Equal((byte)MavState.Standby, later[^1]);
        Assert.All(later.SkipWhile(status => status == (byte)MavState.Uninit), status => Assert.Equal((byte)MavState.Standby, status));
    }

    [Fact]
    public async Task Arming_in_offboard_without_a_stream_is_refused_with_an_event_and_no_statustext()
    {
        await using EmulatorHarness h = await EmulatorHarness.StartAsync(AutopilotKind.Px4, Fast, speed: 20);
        await h.WaitAsync(1.5);
        Assert.True((await h.CommandAsync(MavCmd.DoSetMode, 1, 6)).IsAccepted); // the switch itself is not refused
        await h.WaitAsync(1.2);
        HeartbeatMessage hb = h.LatestHeartbeatSince(h.Now - 1.1);
        Assert.Equal((Offboard, (byte)1, (byte)MavState.Uninit), (hb.CustomMode, hb.BaseMode, hb.SystemStatus));

        DroneLiquid.Mavlink.Connection.CommandResult arm = await h.CommandAsync(MavCmd.ComponentArmDisarm, 1);
        Assert.Equal(MavResult.TemporarilyRejected, arm.Result);
        await h.WaitAsync(0.2);
        Assert.Contains(h.Events, e => e.Event.Id == Px4EventIds.ArmingDenied.Id);
        Assert.Empty(h.StatusTexts);
        Assert.False(h.Emulator.World.Controller.Armed);
    }

    [Fact]
    public async Task Offboard_starts_after_streaming_and_climbs()
    {
        await using EmulatorHarness h = await EmulatorHarness.StartAsync(AutopilotKind.Px4, Fast, speed: 4);
        using SetpointStream stream = h.Stream(() => new Vector3(0, 0, -1));
        await h.WaitAsync(1.5);
        Assert.True((await h.CommandAsync(MavCmd.DoSetMode, 1, 6)).IsAccepted);
        await h.WaitAsync(1.2);
        HeartbeatMessage ready = h.LatestHeartbeatSince(h.Now - 1.1);
        Assert.Equal((Offboard, (byte)17, (byte)MavState.Standby), (ready.CustomMode, ready.BaseMode, ready.SystemStatus));
        Assert.True((await h.CommandAsync(MavCmd.ComponentArmDisarm, 1)).IsAccepted);
        await h.WaitAsync(4);
        Assert.True(h.Emulator.World.Vehicle.State.PositionNed.Z < -1.5f, $"z {h.Emulator.World.Vehicle.State.PositionNed.Z}");
        HeartbeatMessage armed = h.LatestHeartbeatSince(h.Now - 1.1);
        Assert.Equal(((byte)145, (byte)MavState.Active), (armed.BaseMode, armed.SystemStatus));
        Assert.Contains(h.Events, e => e.Event.Id == Px4EventIds.Armed.Id);
    }

    [Fact]
    public async Task Setpoint_loss_triggers_return_after_COM_OF_LOSS_T_and_a_resumed_stream_recovers_offboard()
    {
        await using EmulatorHarness h = await EmulatorHarness.StartAsync(AutopilotKind.Px4, Fast, speed: 4);
        SetpointStream stream = h.Stream(() => h.Now < 6 ? new Vector3(0, 0, -1.5f) : Vector3.Zero);
        await h.WaitAsync(1.5);
        Assert.True((await h.CommandAsync(MavCmd.DoSetMode, 1, 6)).IsAccepted);
        Assert.True((await h.CommandAsync(MavCmd.ComponentArmDisarm, 1)).IsAccepted);
        await h.WaitAsync(6);
        stream.Dispose();
        double lastSetpoint = stream.LastSentSimSeconds;
        await h.WaitAsync(2.5);

        (EventMessage failsafe, double at) = Assert.Single(h.Events, e => e.Event.Id == Px4EventIds.FailsafeActivated.Id);
        Assert.InRange(at - lastSetpoint, 0.95, 1.4);
        Assert.Equal(Px4Mode.Return, ((Px4Emulator)h.Emulator).Mode);
        HeartbeatMessage hb = h.LatestHeartbeatSince(h.Now - 1.1);
        Assert.Equal((Rtl, (byte)157, (byte)MavState.Critical), (hb.CustomMode, hb.BaseMode, hb.SystemStatus));

        using SetpointStream again = h.Stream(() => Vector3.Zero);
        await h.WaitAsync(1.5);
        Assert.Equal(Px4Mode.Offboard, ((Px4Emulator)h.Emulator).Mode); // back by itself, no mode command
        HeartbeatMessage back = h.LatestHeartbeatSince(h.Now - 1.1);
        Assert.Equal((Offboard, (byte)MavState.Active), (back.CustomMode, back.SystemStatus));
    }

    [Fact]
    public async Task Do_set_mode_is_acknowledged_twice_and_arm_once()
    {
        await using EmulatorHarness h = await EmulatorHarness.StartAsync(AutopilotKind.Px4, Fast, speed: 20);
        await h.WaitAsync(1.2);
        Assert.True((await h.CommandAsync(MavCmd.DoSetMode, 1, 4, 3)).IsAccepted);
        Assert.Equal(MavResult.Accepted, (await h.CommandAsync(MavCmd.ComponentArmDisarm, 1)).Result);
        await h.WaitAsync(0.3);
        Assert.Equal(2, h.Acks.Count(a => a.Ack.Command == (ushort)MavCmd.DoSetMode));
        Assert.Equal(1, h.Acks.Count(a => a.Ack.Command == (ushort)MavCmd.ComponentArmDisarm));
    }

    [Fact]
    public async Task Parameters_read_with_px4_types_and_write_confirmed()
    {
        await using EmulatorHarness h = await EmulatorHarness.StartAsync(AutopilotKind.Px4, Fast, speed: 20);
        ParameterResult loss = await h.Parameters.ReadAsync(1, 1, "COM_OF_LOSS_T");
        Assert.Equal(ParameterStatus.Ok, loss.Status);
        Assert.Equal((MavParamType.Real32, 1.0), (loss.Parameter!.Value.Type, loss.Parameter.Value.ToDouble()));
        ParameterResult action = await h.Parameters.ReadAsync(1, 1, "COM_OBL_RC_ACT");
        Assert.Equal((MavParamType.Int32, 0L), (action.Parameter!.Value.Type, action.Parameter.Value.ToInteger()));
        ParameterResult velMax = await h.Parameters.ReadAsync(1, 1, "MPC_XY_VEL_MAX");
        Assert.Equal(12.0, velMax.Parameter!.Value.ToDouble());

        ParameterResult set = await h.Parameters.SetAsync(1, 1, "COM_OF_LOSS_T", ParameterValue.FromSingle(2.5f));
        Assert.Equal(ParameterStatus.Ok, set.Status);
        Assert.Equal(2.5, h.Emulator.Parameters.Get("COM_OF_LOSS_T"));
        ParameterResult rc = await h.Parameters.SetAsync(1, 1, "COM_OBL_RC_ACT", ParameterValue.FromInteger(5));
        Assert.Equal(ParameterStatus.Ok, rc.Status);
        Assert.Equal(5L, (await h.Parameters.ReadAsync(1, 1, "COM_OBL_RC_ACT")).Parameter!.Value.ToInteger());
    }

    [Fact]
    public async Task Default_streams_flow_unasked_and_message_intervals_change_them_except_heartbeat()
    {
        await using EmulatorHarness h = await EmulatorHarness.StartAsync(AutopilotKind.Px4, Fast, speed: 10);
        await h.WaitAsync(0.5);
        double t0 = h.Now;
        await h.WaitAsync(2);
        double seconds = h.Now - t0;
        Assert.InRange(h.Count(LocalPositionNedMessage.MavlinkId, t0, t0 + seconds) / seconds, 25, 35);
        Assert.InRange(h.Count(HighresImuMessage.MavlinkId, t0, t0 + seconds) / seconds, 44, 56);
        Assert.InRange(h.Count(SysStatusMessage.MavlinkId, t0, t0 + seconds) / seconds, 3.5, 6.5);

        Assert.True((await h.Commands.SetMessageIntervalAsync(1, 1, LocalPositionNedMessage.MavlinkId, TimeSpan.FromMilliseconds(20))).IsAccepted);
        Assert.Equal(MavResult.Failed, (await h.Commands.SetMessageIntervalAsync(1, 1, HeartbeatMessage.MavlinkId, TimeSpan.FromMilliseconds(100))).Result);
        await h.WaitAsync(0.2);
        double t1 = h.Now;
        await h.WaitAsync(2);
        double s1 = h.Now - t1;
        Assert.InRange(h.Count(LocalPositionNedMessage.MavlinkId, t1, t1 + s1) / s1, 44, 56);
        Assert.InRange(h.Count(HeartbeatMessage.MavlinkId, t1, t1 + s1) / s1, 0.4, 1.6);
    }

    [Fact]
    public async Task An_injected_link_loss_silences_the_link_and_the_lost_setpoints_trigger_the_failsafe()
    {
        await using EmulatorHarness h = await EmulatorHarness.StartAsync(AutopilotKind.Px4, Fast, speed: 4);
        using SetpointStream stream = h.Stream(() => new Vector3(0, 0, h.Now < 5 ? -1.5f : 0f));
        await h.WaitAsync(1.5);
        Assert.True((await h.CommandAsync(MavCmd.DoSetMode, 1, 6)).IsAccepted);
        Assert.True((await h.CommandAsync(MavCmd.ComponentArmDisarm, 1)).IsAccepted);
        await h.Emulator.WhenSimTimeAsync(6);
        double lossAt = h.Now + 0.1;
        h.Emulator.Inject(EmulatorEvent.LinkLoss(lossAt, 3));
        await h.Emulator.WhenSimTimeAsync(lossAt + 4);

        Assert.Equal(0, h.Count(HeartbeatMessage.MavlinkId, lossAt + 0.1, lossAt + 2.9)); // nothing comes out either
        Assert.True(h.Emulator.Link.Dropped > 0);
        Assert.Equal(Px4Mode.Offboard, ((Px4Emulator)h.Emulator).Mode); // the stream came back with the link: Offboard again
        Assert.Contains(h.Emulator.World.Recorder.Events, e => e.Kind == "link_loss");
        // No setpoint got through for COM_OF_LOSS_T: the failsafe flew Return (its EVENT was lost with the link).
        Assert.Contains(h.Emulator.World.Recorder.Events, e => e.Kind == "mode" && e.Detail == "return" && e.TimeSeconds > lossAt + 0.9 && e.TimeSeconds < lossAt + 1.5);
    }

    [Fact]
    public async Task Takeoff_to_an_amsl_altitude_then_loiter_then_land_and_auto_disarm_back_to_hold()
    {
        await using EmulatorHarness h = await EmulatorHarness.StartAsync(AutopilotKind.Px4, Fast, speed: 10);
        await h.WaitAsync(1.2);
        Assert.True((await h.CommandAsync(MavCmd.NavTakeoff, p7: 488f + 5f)).IsAccepted); // p7 is AMSL: home 488 m + 5 m
        var px4 = (Px4Emulator)h.Emulator;
        Assert.Equal(Px4Mode.Takeoff, px4.Mode);
        Assert.True((await h.CommandAsync(MavCmd.ComponentArmDisarm, 1)).IsAccepted);
        double armedAt = h.Now;
        await h.Emulator.WhenSimTimeAsync(armedAt + 12);
        Assert.Equal(Px4Mode.Hold, px4.Mode); // AUTO.TAKEOFF done: AUTO.LOITER
        Assert.InRange(h.Emulator.World.Vehicle.State.PositionNed.Z, -5.4f, -4.6f);
        Assert.Contains(h.Events, e => e.Event.Id == Px4EventIds.TakeoffDetected.Id);

        Assert.True((await h.CommandAsync(MavCmd.NavLand, float.NaN)).IsAccepted);
        Assert.Equal(Px4Mode.Land, px4.Mode);
        await h.WaitAsync(14);
        Assert.False(h.Emulator.World.Controller.Armed);
        Assert.Equal(Px4Mode.Hold, px4.Mode); // after the auto-disarm PX4 went back to the user's mode
        Assert.Contains(h.Events, e => e.Event.Id == Px4EventIds.LandingAtCurrentPosition.Id);
        Assert.Contains(h.Events, e => e.Event.Id == Px4EventIds.Disarmed.Id);
        Assert.Equal(Sim.Simulation.EpisodeStatus.Running, h.Emulator.World.Status); // landed softly
    }
}
