using System.Net;
using System.Net.Sockets;
using DroneLiquid.FirmwareBridge.Px4;
using DroneLiquid.FirmwareBridge.Tests.Harness;
using DroneLiquid.Mavlink;
using DroneLiquid.Mavlink.Connection;
using DroneLiquid.Mavlink.Messages;
using DroneLiquid.Sim.Autopilot;
using Xunit.Abstractions;

namespace DroneLiquid.FirmwareBridge.Tests.Px4;

/// <summary>The PX4 adapter against the PX4 emulator over loopback UDP, in simulated time.</summary>
public sealed class Px4AutopilotTests(ITestOutputHelper output)
{
    private static readonly VelocitySetpoint Forward = new(SetpointFrame.BodyHeading, 2f, 0f, 0f, 0f);

    [Fact]
    public async Task FliesTheWholeDialogueReadyArmTakeoffVelocityHoldLandDisarm()
    {
        await using BridgeHarness h = await BridgeHarness.StartAsync(AutopilotKind.Px4);
        AutopilotAdapter ap = h.Autopilot;
        Assert.IsType<Px4Autopilot>(ap);
        Assert.Equal(FirmwareKind.Px4, ap.Firmware);

        await ap.WaitReadyAsync(TimeSpan.FromSeconds(60), h.Token);
        Assert.True(h.Now >= 10, $"PX4's checks pass after 10 s of simulated time; ready at {h.Now:0.0} s");
        Assert.True(ap.Telemetry.ImuTimestamp != 0 && ap.Telemetry.BatteryTimestamp != 0);
        Assert.InRange(ap.Telemetry.AccelZMetresPerSecondSquared, -10.5f, -9f); // specific force on the ground, body FRD
        await ap.ArmAsync(h.Token);
        Assert.True(ap.Telemetry.Armed);
        await ap.TakeoffAsync(5, h.Token);
        Assert.InRange(-ap.Telemetry.DownMetres, 4.4f, 5.6f);
        Assert.Equal(ControlMode.Hold, ap.Telemetry.Mode);

        h.StartTick(); // refused (NotInControl) until Offboard is confirmed, then sent: no gap for COM_OF_LOSS_T to catch
        await ap.StartVelocityControlAsync(h.Token);
        Assert.True(ap.InVelocityControl);
        Assert.Equal(Px4CustomMode.Offboard, ap.Telemetry.CustomMode);
        Assert.False(((Px4Autopilot)ap).EntryStreaming);
        output.WriteLine($"PX4: velocity control at {h.Now:0.00} s simulated after start");

        VehicleTelemetry before = ap.Telemetry;
        List<SetpointResult> results = await h.FlyAsync(Forward, 2);
        Assert.All(results, r => Assert.Equal(SetpointResult.Sent, r));
        VehicleTelemetry after = ap.Telemetry;
        float along = BridgeHarness.AlongHeadingMetres(before, after);
        Assert.True(along > 1f, $"2 s at 2 m/s body-forward moved the vehicle {along:0.00} m along its heading");
        Assert.InRange(-after.DownMetres, 4.3f, 5.7f);

        await ap.HoldAsync(h.Token);
        Assert.False(ap.InVelocityControl);
        Assert.Equal(SetpointResult.NotInControl, ap.SendVelocity(in Forward));
        await ap.LandAsync(h.Token);
        Assert.Equal(ControlMode.Land, ap.Telemetry.Mode);
        Assert.True(await h.WaitUntilAsync(() => ap.Telemetry.LandedState == MavLandedState.OnGround, 30), "the vehicle landed");
        await ap.DisarmAsync(h.Token);
        Assert.False(ap.Telemetry.Armed);

        ModeChange[] changes = h.ModeChanges.ToArray();
        Assert.Contains(changes, c => c.To == ControlMode.VelocityControl && c.ByUs);
        Assert.Contains(changes, c => c.To == ControlMode.Land && c.ByUs);
        Assert.Contains(h.Notices, n => n.Source == NoticeSource.Event && n.Text == "Takeoff detected");
        Assert.True(ap.IgnoredAcks >= 3, $"PX4 acknowledges DO_SET_MODE twice; {ap.IgnoredAcks} duplicate ACKs ignored");
    }

    [Fact]
    public async Task ArmingBeforeTheChecksPassFailsWithPx4sEvent()
    {
        await using BridgeHarness h = await BridgeHarness.StartAsync(AutopilotKind.Px4);
        AutopilotException notReady = await Assert.ThrowsAsync<AutopilotException>(() => h.Autopilot.WaitReadyAsync(TimeSpan.FromSeconds(2), h.Token));
        Assert.Contains("not ready after 2 s: system_status Uninit (PX4 reports STANDBY when its preflight checks pass)", notReady.Message);
        AutopilotException refused = await Assert.ThrowsAsync<AutopilotException>(() => h.Autopilot.ArmAsync(h.Token));
        Assert.Contains("arm: COMPONENT_ARM_DISARM was rejected (TemporarilyRejected, 1)", refused.Message);
        Assert.Contains("\"Arming denied: Resolve system health failures first\"", refused.Message);
    }

    [Fact]
    public async Task RapidModeChangesSurviveTheDuplicateAcks()
    {
        await using BridgeHarness h = await BridgeHarness.StartAsync(AutopilotKind.Px4);
        AutopilotAdapter ap = h.Autopilot;
        await h.TakeControlAsync();
        for (int i = 0; i < 2; i++)
        {
            await ap.HoldAsync(h.Token);
            Assert.Equal(ControlMode.Hold, ap.Telemetry.Mode);
            await ap.StartVelocityControlAsync(h.Token);
            Assert.Equal(ControlMode.VelocityControl, ap.Telemetry.Mode);
        }

        Assert.True(ap.InVelocityControl);
        await ap.ReturnAsync(h.Token);
        Assert.False(ap.InVelocityControl);
        Assert.Equal(ControlMode.Return, ap.Telemetry.Mode);
        Assert.DoesNotContain(h.ModeChanges, c => !c.ByUs);
        Assert.True(ap.IgnoredAcks >= 6, $"{ap.IgnoredAcks} duplicate ACKs ignored");
    }

    [Fact]
    public async Task APilotModeSwitchEndsControlAtTheNextHeartbeat()
    {
        await using BridgeHarness h = await BridgeHarness.StartAsync(AutopilotKind.Px4);
        AutopilotAdapter ap = h.Autopilot;
        await h.TakeControlAsync();
        await h.FlyAsync(Forward, 0.5);

        double switchedAt = h.Now + 0.05;
        h.Emulator.Inject(EmulatorEvent.PilotModeSwitch(switchedAt, Px4CustomMode.Encode(Px4CustomMode.MainPosition, 0)));
        List<SetpointResult> results = await h.FlyAsync(Forward, 1.5);
        Assert.False(ap.InVelocityControl);
        ModeChange change = Assert.Single(h.ModeChanges, c => !c.ByUs);
        Assert.Equal(ControlMode.VelocityControl, change.From);
        Assert.Equal(ControlMode.Pilot, change.To);
        Assert.Equal(SetpointResult.NotInControl, results[^1]);
        Assert.Equal(SetpointResult.NotInControl, ap.SendVelocity(in Forward));
        Assert.True(results.Count(r => r == SetpointResult.Sent) <= 22, "control ended within one 1 Hz HEARTBEAT of the switch");
    }

    [Fact]
    public async Task SetpointsStopWhenTheCallerStopsAndPx4sOffboardLossTakesOver()
    {
        await using BridgeHarness h = await BridgeHarness.StartAsync(AutopilotKind.Px4);
        AutopilotAdapter ap = h.Autopilot;
        IReadOnlyDictionary<string, double> file = ParameterFile.Load("px4-companion.params");
        using var parameters = new ParameterClient(h.Connection);
        ParameterResult set = await parameters.SetAsync(ap.SystemId, ap.ComponentId, "COM_OF_LOSS_T", ParameterValue.FromSingle((float)file["COM_OF_LOSS_T"]), h.Token);
        Assert.Equal(ParameterStatus.Ok, set.Status);
        await h.TakeControlAsync();
        long adapterOwn = ap.Setpoints.AdapterSetpoints;
        Assert.True(adapterOwn >= 20, $"the entry streamed {adapterOwn} setpoints (above 2 Hz for over 1 s)");

        await h.FlyAsync(Forward, 1, thenStop: true);
        double stoppedAt = h.Now;
        long received = await h.SettledSetpointsReceivedAsync();
        Assert.True(await h.WaitUntilAsync(() => !ap.InVelocityControl, 3), "PX4 left Offboard after the setpoints stopped");
        double lossSeconds = h.Now - stoppedAt;
        await h.WaitAsync(2);

        Assert.Equal(received, h.SetpointsReceived); // nothing re-sent: not by the adapter, not by anyone
        Assert.Equal(adapterOwn, ap.Setpoints.AdapterSetpoints);
        ModeChange change = Assert.Single(h.ModeChanges, c => !c.ByUs);
        Assert.Equal(ControlMode.Return, change.To);
        Assert.Contains(h.Notices, n => n.Source == NoticeSource.Event && n.Text.StartsWith("Failsafe activated", StringComparison.Ordinal));
        Assert.InRange(lossSeconds, file["COM_OF_LOSS_T"] - 0.1, file["COM_OF_LOSS_T"] + 1.2); // + up to one 1 Hz HEARTBEAT
        Assert.Equal(SetpointResult.NotInControl, ap.SendVelocity(in Forward)); // and no resumed stream to pull PX4 back into Offboard
    }

    [Fact]
    public async Task MalformedFramesOnTheLinkEndNothing()
    {
        await using BridgeHarness h = await BridgeHarness.StartAsync(AutopilotKind.Px4);
        AutopilotAdapter ap = h.Autopilot;
        await h.TakeControlAsync();
        long badBefore = h.Connection.BadFrames + h.Connection.Statistics.CrcErrors;

        // A HEARTBEAT claiming POSCTL with a broken CRC, a truncated one, and noise, from the autopilot's own ids.
        byte[] frame = new byte[MavlinkWire.MaxFrameLength];
        var heartbeat = new HeartbeatMessage { Type = 2, Autopilot = 12, BaseMode = 157, CustomMode = Px4CustomMode.Encode(Px4CustomMode.MainPosition, 0), SystemStatus = 4 };
        int length = MavlinkEncoder.Encode(frame, in heartbeat, new MavlinkHeader(1, 1, 99));
        frame[length - 1] ^= 0xFF;
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var companion = new IPEndPoint(IPAddress.Loopback, h.CompanionUdpPort);
        await socket.SendToAsync(frame.AsMemory(0, length), companion);
        await socket.SendToAsync(frame.AsMemory(0, length / 2), companion);
        await socket.SendToAsync(new byte[] { 0xFD, 0xFF, 0x00, 0xFE, 0x42, 0x00, 0x13, 0x37 }, companion);

        List<SetpointResult> results = await h.FlyAsync(Forward, 1.5);
        Assert.True(h.Connection.BadFrames + h.Connection.Statistics.CrcErrors > badBefore, "the broken frames were seen and counted");
        Assert.True(ap.InVelocityControl);
        Assert.All(results, r => Assert.Equal(SetpointResult.Sent, r));
        Assert.DoesNotContain(h.ModeChanges, c => !c.ByUs);
    }
}
