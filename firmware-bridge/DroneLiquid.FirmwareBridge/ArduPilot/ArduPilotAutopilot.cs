using DroneLiquid.Mavlink.Connection;
using DroneLiquid.Mavlink.Messages;
using Microsoft.Extensions.Logging;

namespace DroneLiquid.FirmwareBridge.ArduPilot;

/// <summary>
/// ArduCopter: GUIDED (4) for takeoff and velocity targets, BRAKE (17) to stop, LAND (9), RTL (6). Arms in GUIDED
/// (NAV_TAKEOFF is refused in any other mode). A mode counts as set only when a HEARTBEAT shows it after the autopilot
/// left BOOT: before "ArduPilot Ready" it acknowledges a mode, shows it, then silently falls back to STABILIZE.
/// Control never ends by going quiet (the vehicle would fly the last velocity for GUID_TIMEOUT): the adapter sends a
/// zero velocity and switches to BRAKE.
/// </summary>
public sealed class ArduPilotAutopilot : AutopilotAdapter
{
    private const string UsingGpsText = "using GPS";
    private const float SettledSpeedMetresPerSecond = 0.3f;

    private volatile bool _estimatorUsingGps;
    private volatile bool _takingOff;
    private ushort _dataStreamRateHz;

    internal ArduPilotAutopilot(MavlinkConnection connection, VehicleInfo autopilot, AutopilotOptions options, ILogger? logger)
        : base(connection, autopilot, options, logger)
    {
    }

    /// <inheritdoc />
    public override FirmwareKind Firmware => FirmwareKind.ArduPilot;

    /// <summary>BODY_OFFSET_NED (9): ArduCopter rotates the velocity by the current yaw (as it does for BODY_NED).</summary>
    protected override MavFrame BodyFrame => MavFrame.BodyOffsetNed;

    protected override uint LandCustomMode => (uint)CopterMode.Land;

    protected override uint ReturnCustomMode => (uint)CopterMode.Rtl;

    /// <summary>NAV_TAKEOFF (relative altitude) in GUIDED; done at the altitude with the climb stopped.</summary>
    protected override async Task TakeoffCoreAsync(float altitudeMetres, CancellationToken cancellationToken)
    {
        if (Heartbeat.CustomMode != (uint)CopterMode.Guided)
        {
            await SetModeAsync((uint)CopterMode.Guided, "take off (GUIDED first)", cancellationToken).ConfigureAwait(false);
        }

        long started = Clock.GetTimestamp();
        _takingOff = true;
        try
        {
            CommandResult result = await Commands.SendLongAsync(SystemId, ComponentId, MavCmd.NavTakeoff, 0, 0, 0, 0, 0, 0, altitudeMetres,
                cancellationToken).ConfigureAwait(false);
            if (!result.IsAccepted)
            {
                throw new AutopilotException($"take off: NAV_TAKEOFF to {altitudeMetres} m was {Describe(result)}; notices: {NoticesSince(started)}");
            }

            await WaitUntilAsync(static (a, target) => TakeoffProgress((ArduPilotAutopilot)a, target), altitudeMetres - Options.TakeoffToleranceMetres,
                Options.TakeoffTimeout, $"take off to {altitudeMetres} m", started, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _takingOff = false;
        }

        Log.Step(Logger, $"take off: holding at {-Telemetry.DownMetres:0.00} m");
    }

    /// <summary>GUIDED (again, after the takeoff), confirmed by a HEARTBEAT after BOOT.</summary>
    protected override async Task EnterVelocityModeAsync(CancellationToken cancellationToken)
    {
        await SetModeAsync((uint)CopterMode.Guided, StartVelocityControlStep, cancellationToken).ConfigureAwait(false);
        EnterVelocityControl((uint)CopterMode.Guided, StartVelocityControlStep);
    }

    /// <inheritdoc />
    public override async Task HoldAsync(CancellationToken cancellationToken = default)
    {
        LeaveVelocityControl();
        if (Heartbeat.CustomMode == (uint)CopterMode.Guided)
        {
            SendOwnStop(); // an explicit zero velocity, so a lost mode command cannot leave the last velocity flying for GUID_TIMEOUT
        }

        await SetModeAsync((uint)CopterMode.Brake, "hold", cancellationToken).ConfigureAwait(false);
        if (!Options.ArduPilotLoiterAfterBrake)
        {
            return;
        }

        long started = Clock.GetTimestamp();
        while (HorizontalSpeed() > SettledSpeedMetresPerSecond && Clock.GetElapsedTime(started) < Options.BrakeSettleTimeout)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), Clock, cancellationToken).ConfigureAwait(false);
        }

        await SetModeAsync((uint)CopterMode.Loiter, "hold (LOITER after BRAKE)", cancellationToken).ConfigureAwait(false);
    }

    protected override ControlMode DecodeMode(uint customMode) => Decode(customMode, _takingOff);

    protected override bool SameMode(uint a, uint b) => a == b;

    protected override string ModeName(uint customMode) => Name(customMode);

    protected override (float Param2, float Param3) SetModeParameters(uint customMode) => (customMode, 0);

    /// <summary>A mode shown while system_status is BOOT (before "ArduPilot Ready") does not stick.</summary>
    protected override bool StatusConfirmsMode(MavState status) => status is not (MavState.Boot or MavState.Uninit);

    protected override Task PrepareArmAsync(CancellationToken cancellationToken) =>
        Heartbeat.CustomMode == (uint)CopterMode.Guided
            ? Task.CompletedTask
            : SetModeAsync((uint)CopterMode.Guided, "arm (GUIDED first: ArduCopter takes off only in GUIDED)", cancellationToken);

    /// <summary>
    /// Fresh parameters stream nothing; when SET_MESSAGE_INTERVAL is refused, REQUEST_DATA_STREAM (all streams) is
    /// ArduPilot's older way. It has no ACK and covers every message, so it is sent again only for a higher rate.
    /// </summary>
    protected override async ValueTask<bool> RequestStreamFallbackAsync(uint messageId, double rateHz, CancellationToken cancellationToken)
    {
        ushort rate = (ushort)Math.Clamp(Math.Round(rateHz), 1, ushort.MaxValue);
        if (rate <= _dataStreamRateHz)
        {
            return true;
        }

        bool sent = await Commands.RequestDataStreamAsync(SystemId, ComponentId, MavDataStream.All, rate, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (sent)
        {
            _dataStreamRateHz = rate;
        }

        return sent;
    }

    /// <summary>
    /// Ready once "ArduPilot Ready" has passed (system_status STANDBY) and the pre-arm checks pass: from SYS_STATUS's
    /// pre-arm bit where it is reported, else from the estimator's "EKF3 IMU0 is using GPS" (arming was refused with
    /// "Arm: Need Position Estimate" until then).
    /// </summary>
    protected override string? FirmwareReadinessProblem(in VehicleTelemetry telemetry, MavState status)
    {
        if (telemetry.Armed)
        {
            return null;
        }

        if (status is MavState.Boot or MavState.Uninit)
        {
            return $"system_status {status} (waiting for \"ArduPilot Ready\")";
        }

        return PrearmCheckPasses switch
        {
            false => "SYS_STATUS pre-arm check failing",
            null when !_estimatorUsingGps => "the estimator is not using GPS yet (waiting for \"EKF3 IMU0 is using GPS\")",
            _ => null,
        };
    }

    protected override void OnNoticeReceived(AutopilotNotice notice)
    {
        if (notice.Text.Contains(UsingGpsText, StringComparison.Ordinal))
        {
            _estimatorUsingGps = true;
        }
    }

    /// <summary>ArduCopter's mode number reduced to what the companion acts on (GUIDED is Takeoff while climbing to the takeoff altitude).</summary>
    internal static ControlMode Decode(uint customMode, bool takingOff) => (CopterMode)customMode switch
    {
        CopterMode.Guided => takingOff ? ControlMode.Takeoff : ControlMode.VelocityControl,
        CopterMode.Loiter or CopterMode.Brake => ControlMode.Hold,
        CopterMode.Land => ControlMode.Land,
        CopterMode.Rtl or CopterMode.SmartRtl or CopterMode.AutoRtl => ControlMode.Return,
        CopterMode.Stabilize or CopterMode.Acro or CopterMode.AltHold or CopterMode.Drift or CopterMode.Sport or CopterMode.Flip
            or CopterMode.Poshold or CopterMode.Flowhold or CopterMode.Turtle => ControlMode.Pilot,
        CopterMode.Auto or CopterMode.Circle or CopterMode.Autotune or CopterMode.Throw or CopterMode.AvoidAdsb or CopterMode.GuidedNogps
            or CopterMode.Follow or CopterMode.Zigzag or CopterMode.Systemid or CopterMode.Autorotate => ControlMode.OtherAutonomous,
        _ => ControlMode.Unknown,
    };

    internal static string Name(uint customMode) =>
        Enum.IsDefined((CopterMode)customMode) ? ((CopterMode)customMode).ToString().ToUpperInvariant() : $"mode {customMode}";

    private static string? TakeoffProgress(ArduPilotAutopilot adapter, float reachedMetres)
    {
        (uint mode, bool armed, MavState _) = adapter.Heartbeat;
        if (!armed)
        {
            return "the vehicle disarmed";
        }

        if (mode != (uint)CopterMode.Guided)
        {
            return $"the mode changed to {Name(mode)}";
        }

        VehicleTelemetry t = adapter.Telemetry;
        return -t.DownMetres >= reachedMetres && MathF.Abs(t.DownMetresPerSecond) < SettledSpeedMetresPerSecond ? null : string.Empty;
    }

    private float HorizontalSpeed()
    {
        VehicleTelemetry t = Telemetry;
        return MathF.Sqrt((t.NorthMetresPerSecond * t.NorthMetresPerSecond) + (t.EastMetresPerSecond * t.EastMetresPerSecond));
    }
}
