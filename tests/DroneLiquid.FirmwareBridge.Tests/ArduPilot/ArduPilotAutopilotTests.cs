using DroneLiquid.FirmwareBridge.ArduPilot;
using DroneLiquid.FirmwareBridge.Tests.Harness;
using DroneLiquid.Mavlink.Connection;
using DroneLiquid.Mavlink.Messages;
using DroneLiquid.Sim.Autopilot;
using Xunit.Abstractions;

namespace DroneLiquid.FirmwareBridge.Tests.ArduPilot;

/// <summary>The ArduPilot adapter against the ArduCopter emulator over loopback TCP, in simulated time.</summary>
public sealed class ArduPilotAutopilotTests(ITestOutputHelper output)
{
    private static readonly VelocitySetpoint Forward = new(SetpointFrame.BodyHeading, 2f, 0f, 0f, 0f);

    [Fact]
    public async Task FliesTheWholeDialogueReadyArmTakeoffVelocityHoldLandDisarm()
    {
        await using BridgeHarness h = await BridgeHarness.StartAsync(AutopilotKind.ArduPilot);
        AutopilotAdapter ap = h.Autopilot;
        Assert.IsType<ArduPilotAutopilot>(ap);
        Assert.Equal(FirmwareKind.ArduPilot, ap.Firmware);

        await ap.WaitReadyAsync(TimeSpan.FromSeconds(60), h.Token); // fresh ArduPilot streams nothing until asked
        Assert.True(ap.Telemetry.PositionTimestamp != 0 && ap.Telemetry.ImuTimestamp != 0 && ap.Telemetry.AttitudeTimestamp != 0);
        Assert.Contains(h.Notices, n => n.Source == NoticeSource.StatusText && n.Text == "ArduPilot Ready");
        await ap.ArmAsync(h.Token);
        Assert.True(ap.Telemetry.Armed);
        Assert.Equal((uint)CopterMode.Guided, ap.Telemetry.CustomMode);
        await ap.TakeoffAsync(5, h.Token);
        Assert.InRange(-ap.Telemetry.DownMetres, 4.4f, 5.6f);

        h.StartTick();
        await ap.StartVelocityControlAsync(h.Token);
        Assert.True(ap.InVelocityControl);
        Assert.Equal(ControlMode.VelocityControl, ap.Telemetry.Mode);
        output.WriteLine($"ArduPilot: velocity control at {h.Now:0.00} s simulated after start");

        VehicleTelemetry before = ap.Telemetry;
        List<SetpointResult> results = await h.FlyAsync(Forward, 2);
        Assert.All(results, r => Assert.Equal(SetpointResult.Sent, r));
        VehicleTelemetry after = ap.Telemetry;
        float along = BridgeHarness.AlongHeadingMetres(before, after);
        Assert.True(along > 1f, $"2 s at 2 m/s body-forward moved the vehicle {along:0.00} m along its heading");

        await ap.HoldAsync(h.Token);
        Assert.False(ap.InVelocityControl);
        Assert.Equal((uint)CopterMode.Brake, ap.Telemetry.CustomMode);
        Assert.Equal(1, ap.Setpoints.AdapterSetpoints); // the one explicit stop before BRAKE
        await ap.LandAsync(h.Token);
        Assert.Equal(ControlMode.Land, ap.Telemetry.Mode);
        Assert.True(await h.WaitUntilAsync(() => !ap.Telemetry.Armed || ap.Telemetry.LandedState == MavLandedState.OnGround, 30), "the vehicle landed");
        await ap.DisarmAsync(h.Token);
        Assert.True(await h.WaitUntilAsync(() => !ap.Telemetry.Armed, 3));
        Assert.DoesNotContain(h.ModeChanges, c => !c.ByUs);
    }

    [Fact]
    public async Task AModeAcknowledgedBeforeReadyAndSilentlyRevertedIsAnError()
    {
        // Real ArduCopter: GUIDED set 1.4 s after connect was ACKed and shown, then dropped to STABILIZE at "ArduPilot Ready".
        await using BridgeHarness h = await BridgeHarness.StartAsync(AutopilotKind.ArduPilot, new EmulatorOptions { ArduPilotReadyAfterSeconds = 20 },
            new AutopilotOptions { HeartbeatTimeout = TimeSpan.FromSeconds(15), ModeConfirmTimeout = TimeSpan.FromSeconds(30) });
        Assert.True(h.Now < 15, $"connected at {h.Now:0.0} s, before Ready");
        AutopilotException error = await Assert.ThrowsAsync<AutopilotException>(() => h.Autopilot.ArmAsync(h.Token));
        Assert.Contains("silently went back to STABILIZE", error.Message);
        Assert.False(h.Autopilot.Telemetry.Armed);
    }

    [Fact]
    public async Task ArmingBeforeTheEstimatorUsesGpsFailsWithArduPilotsReason()
    {
        await using BridgeHarness h = await BridgeHarness.StartAsync(AutopilotKind.ArduPilot, new EmulatorOptions { ArduPilotEstimatorReadySeconds = 60 });
        AutopilotException notReady = await Assert.ThrowsAsync<AutopilotException>(() => h.Autopilot.WaitReadyAsync(TimeSpan.FromSeconds(5), h.Token));
        Assert.Contains("not ready after 5 s: the estimator is not using GPS yet", notReady.Message);
        AutopilotException refused = await Assert.ThrowsAsync<AutopilotException>(() => h.Autopilot.ArmAsync(h.Token));
        Assert.Contains("arm: COMPONENT_ARM_DISARM was rejected (Failed, 4)", refused.Message);
        Assert.Contains("\"Arm: Need Position Estimate\"", refused.Message);
    }

    [Fact]
    public async Task APilotModeSwitchEndsControlAtTheNextHeartbeat()
    {
        await using BridgeHarness h = await BridgeHarness.StartAsync(AutopilotKind.ArduPilot);
        AutopilotAdapter ap = h.Autopilot;
        await h.TakeControlAsync();
        await h.FlyAsync(Forward, 0.5);

        h.Emulator.Inject(EmulatorEvent.PilotModeSwitch(h.Now + 0.05, (uint)CopterMode.Loiter));
        List<SetpointResult> results = await h.FlyAsync(Forward, 1.5);
        Assert.False(ap.InVelocityControl);
        ModeChange change = Assert.Single(h.ModeChanges, c => !c.ByUs);
        Assert.Equal(ControlMode.Hold, change.To);
        Assert.Equal((uint)CopterMode.Loiter, change.CustomMode);
        Assert.Equal(SetpointResult.NotInControl, results[^1]);
        long received = await h.SettledSetpointsReceivedAsync();
        await h.FlyAsync(Forward, 0.5);
        Assert.Equal(received, h.SetpointsReceived); // refused in the adapter: nothing reaches the autopilot

        await ap.ReturnAsync(h.Token); // the service may still end the flight explicitly
        Assert.Equal((uint)CopterMode.Rtl, ap.Telemetry.CustomMode);
        Assert.True(h.ModeChanges.Last().ByUs);
    }

    [Fact]
    public async Task HoldBrakesThenLoitersWhenConfiguredFor()
    {
        await using BridgeHarness h = await BridgeHarness.StartAsync(AutopilotKind.ArduPilot, options: new AutopilotOptions
        {
            ArduPilotLoiterAfterBrake = true,
            ModeConfirmTimeout = TimeSpan.FromSeconds(6),
        });
        AutopilotAdapter ap = h.Autopilot;
        await h.TakeControlAsync();
        await h.FlyAsync(Forward, 2);
        Assert.True(ap.Telemetry.NorthMetresPerSecond * ap.Telemetry.NorthMetresPerSecond + ap.Telemetry.EastMetresPerSecond * ap.Telemetry.EastMetresPerSecond > 1f);

        await ap.HoldAsync(h.Token);
        Assert.Equal((uint)CopterMode.Loiter, ap.Telemetry.CustomMode);
        float speed = MathF.Sqrt(ap.Telemetry.NorthMetresPerSecond * ap.Telemetry.NorthMetresPerSecond + ap.Telemetry.EastMetresPerSecond * ap.Telemetry.EastMetresPerSecond);
        Assert.True(speed < 0.5f, $"BRAKE stopped the vehicle before LOITER: {speed:0.00} m/s");
        Assert.Contains(h.ModeChanges, c => c.CustomMode == (uint)CopterMode.Brake && c.ByUs);
        Assert.Contains(h.ModeChanges, c => c.CustomMode == (uint)CopterMode.Loiter && c.ByUs);
    }

    [Fact]
    public async Task TheParameterFilesGuidTimeoutStopsTheVehicleSoonAfterTheSetpointsStop()
    {
        await using BridgeHarness h = await BridgeHarness.StartAsync(AutopilotKind.ArduPilot);
        AutopilotAdapter ap = h.Autopilot;
        await h.TakeControlAsync();
        var north = new VelocitySetpoint(SetpointFrame.LocalNed, 2f, 0f, 0f, 0f);

        // Default GUID_TIMEOUT 3 s: 1.5 s after the last setpoint the vehicle still flies it.
        await h.FlyAsync(north, 2.5, thenStop: true);
        await h.WaitAsync(1.5);
        Assert.True(ap.Telemetry.NorthMetresPerSecond > 1.5f, $"with GUID_TIMEOUT 3 s the last velocity still flies: {ap.Telemetry.NorthMetresPerSecond:0.00} m/s");

        IReadOnlyDictionary<string, double> file = ParameterFile.Load("ardupilot-companion.parm");
        using var parameters = new ParameterClient(h.Connection);
        ParameterResult set = await parameters.SetAsync(ap.SystemId, ap.ComponentId, "GUID_TIMEOUT", ParameterValue.FromSingle((float)file["GUID_TIMEOUT"]), h.Token);
        Assert.Equal(ParameterStatus.Ok, set.Status);

        await h.FlyAsync(north, 2.5, thenStop: true);
        long received = await h.SettledSetpointsReceivedAsync();
        await h.WaitAsync(file["GUID_TIMEOUT"] + 1.3);
        Assert.True(MathF.Abs(ap.Telemetry.NorthMetresPerSecond) < 0.3f, $"with the file's GUID_TIMEOUT the vehicle stopped: {ap.Telemetry.NorthMetresPerSecond:0.00} m/s");
        Assert.Equal(received, h.SetpointsReceived); // the adapter re-sent nothing meanwhile
        Assert.Equal((uint)CopterMode.Guided, ap.Telemetry.CustomMode);
    }
}
