using DroneLiquid.Mavlink.Connection;
using DroneLiquid.Mavlink.Messages;
using Microsoft.Extensions.Logging;

namespace DroneLiquid.FirmwareBridge.Px4;

/// <summary>
/// PX4 through its onboard link: modes by DO_SET_MODE with main/sub mode (acknowledged twice; the HEARTBEAT decides),
/// takeoff by NAV_TAKEOFF to an AMSL altitude (AUTO.TAKEOFF, then AUTO.LOITER at the top), and Offboard entered the
/// way PX4 requires: the adapter streams zero-velocity setpoints above 2 Hz for over a second, switches, and stops its
/// own stream the moment the HEARTBEAT shows OFFBOARD. From then on only the caller's setpoints go out; when they
/// stop, PX4's own offboard-loss failsafe (COM_OF_LOSS_T, then Return or COM_OBL_RC_ACT) takes over.
/// </summary>
public sealed class Px4Autopilot : AutopilotAdapter
{
    private readonly Lock _entryGate = new();
    private ITimer? _entryTimer;

    internal Px4Autopilot(MavlinkConnection connection, VehicleInfo autopilot, AutopilotOptions options, ILogger? logger)
        : base(connection, autopilot, options, logger)
    {
    }

    /// <inheritdoc />
    public override FirmwareKind Firmware => FirmwareKind.Px4;

    /// <summary>Whether the adapter is streaming its own zero-velocity setpoints (only while entering Offboard).</summary>
    public bool EntryStreaming
    {
        get
        {
            lock (_entryGate)
            {
                return _entryTimer is not null;
            }
        }
    }

    /// <summary>BODY_NED (8): real PX4 accepted it and rotated the velocity by the current yaw.</summary>
    protected override MavFrame BodyFrame => MavFrame.BodyNed;

    protected override uint LandCustomMode => Px4CustomMode.Land;

    protected override uint ReturnCustomMode => Px4CustomMode.Return;

    /// <summary>NAV_TAKEOFF to an AMSL altitude; done when PX4 has switched AUTO.TAKEOFF to AUTO.LOITER at the altitude.</summary>
    protected override async Task TakeoffCoreAsync(float altitudeMetres, CancellationToken cancellationToken)
    {
        (float amslMetres, long amslTimestamp) = AltitudeAmsl;
        VehicleTelemetry t = Telemetry;
        if (float.IsNaN(amslMetres) || amslTimestamp == 0 || t.PositionTimestamp == 0)
        {
            throw new AutopilotException("take off: no GLOBAL_POSITION_INT and LOCAL_POSITION_NED yet (PX4's NAV_TAKEOFF takes an AMSL altitude)");
        }

        // The local origin's AMSL altitude is the vehicle's AMSL altitude plus its depth below the origin.
        float targetAmslMetres = amslMetres + t.DownMetres + altitudeMetres;
        long started = Clock.GetTimestamp();
        ExpectModes(Px4CustomMode.Takeoff, Px4CustomMode.Hold);
        CommandResult result = await Commands.SendLongAsync(SystemId, ComponentId, MavCmd.NavTakeoff, 0, 0, 0, float.NaN, float.NaN, float.NaN,
            targetAmslMetres, cancellationToken).ConfigureAwait(false);
        if (!result.IsAccepted)
        {
            throw new AutopilotException($"take off: NAV_TAKEOFF to {targetAmslMetres:0.0} m AMSL was {Describe(result)}; notices: {NoticesSince(started)}");
        }

        await WaitUntilAsync(static (a, target) => TakeoffProgress((Px4Autopilot)a, target), altitudeMetres - Options.TakeoffToleranceMetres,
            Options.TakeoffTimeout, $"take off to {altitudeMetres} m", started, cancellationToken).ConfigureAwait(false);
        Log.Step(Logger, $"take off: holding at {-Telemetry.DownMetres:0.00} m");
    }

    /// <summary>Streams zero velocities, switches to OFFBOARD, and stops the stream once control has started (or failed).</summary>
    protected override async Task EnterVelocityModeAsync(CancellationToken cancellationToken)
    {
        StartEntryStream();
        try
        {
            // PX4 accepts OFFBOARD only after setpoints have streamed above 2 Hz for more than a second.
            await Task.Delay(Options.OffboardEntryDuration, Clock, cancellationToken).ConfigureAwait(false);
            await SetModeAsync(Px4CustomMode.Offboard, StartVelocityControlStep, cancellationToken).ConfigureAwait(false);
            EnterVelocityControl(Px4CustomMode.Offboard, StartVelocityControlStep);
        }
        finally
        {
            StopEntryStream();
        }
    }

    /// <inheritdoc />
    public override Task HoldAsync(CancellationToken cancellationToken = default)
    {
        LeaveVelocityControl();
        return SetModeAsync(Px4CustomMode.Hold, "hold", cancellationToken);
    }

    protected override ControlMode DecodeMode(uint customMode) => Px4CustomMode.Decode(customMode);

    protected override bool SameMode(uint a, uint b) => Px4CustomMode.Same(a, b);

    protected override string ModeName(uint customMode) => Px4CustomMode.Name(customMode);

    protected override (float Param2, float Param3) SetModeParameters(uint customMode) =>
        (Px4CustomMode.Main(customMode), Px4CustomMode.Sub(customMode));

    /// <summary>
    /// PX4 reports system_status STANDBY once its preflight checks for the current mode pass (UNINIT while they fail,
    /// observed for about 10 s after boot) and, where it reports it, the SYS_STATUS pre-arm bit.
    /// </summary>
    protected override string? FirmwareReadinessProblem(in VehicleTelemetry telemetry, MavState status)
    {
        if (telemetry.Armed)
        {
            return null;
        }

        if (status != MavState.Standby)
        {
            return $"system_status {status} (PX4 reports STANDBY when its preflight checks pass)";
        }

        return PrearmCheckPasses == false ? "SYS_STATUS pre-arm check failing" : null;
    }

    protected override ValueTask DisposeCoreAsync()
    {
        StopEntryStream();
        return ValueTask.CompletedTask;
    }

    private static string? TakeoffProgress(Px4Autopilot adapter, float reachedMetres)
    {
        (uint mode, bool armed, MavState _) = adapter.Heartbeat;
        if (!armed)
        {
            return "the vehicle disarmed";
        }

        ControlMode control = Px4CustomMode.Decode(mode);
        if (control is not (ControlMode.Takeoff or ControlMode.Hold))
        {
            return $"the mode changed to {Px4CustomMode.Name(mode)}";
        }

        // PX4 switches AUTO.TAKEOFF to AUTO.LOITER when it reaches the altitude: done when both hold.
        return control == ControlMode.Hold && -adapter.Telemetry.DownMetres >= reachedMetres ? null : string.Empty;
    }

    private void StartEntryStream()
    {
        lock (_entryGate)
        {
            _entryTimer ??= Clock.CreateTimer(static s => ((Px4Autopilot)s!).EntryTick(), this, TimeSpan.Zero,
                TimeSpan.FromSeconds(1 / Options.OffboardEntryRateHz));
        }
    }

    private void StopEntryStream()
    {
        ITimer? timer;
        lock (_entryGate)
        {
            timer = _entryTimer;
            _entryTimer = null;
        }

        timer?.Dispose();
    }

    private void EntryTick()
    {
        lock (_entryGate)
        {
            if (_entryTimer is not null)
            {
                SendOwnStop();
            }
        }
    }
}
