using DroneLiquid.Mavlink.Connection;
using DroneLiquid.Mavlink.Messages;
using DroneLiquid.Mavlink.Transports;
using DroneLiquid.Sim.Control;
using DroneLiquid.Sim.Frames;
using DroneLiquid.Sim.Simulation;
using CommandResult = DroneLiquid.Sim.Control.CommandResult;

namespace DroneLiquid.Sim.Autopilot.ArduPilot;

/// <summary>
/// ArduPilot Copter 4.7 with fresh parameters, as observed on TCP 5760 (FACTS_SITL_OBSERVED.md): HEARTBEAT only
/// until telemetry is asked for (REQUEST_DATA_STREAM or SET_MESSAGE_INTERVAL); system_status BOOT until "ArduPilot
/// Ready", when a mode set earlier silently falls back to STABILIZE; arming refused (ACK FAILED with an "Arm: ..."
/// STATUSTEXT) until the estimator is ready (SIM_EKF_READY_T); NAV_TAKEOFF only in GUIDED and armed; velocity
/// targets flown for GUID_TIMEOUT after the last one, then a stop; setpoints outside GUIDED ignored silently;
/// notices through STATUSTEXT. Modes emulated (the dialect's <see cref="CopterMode"/> numbers): STABILIZE 0, GUIDED 4,
/// LOITER 5, RTL 6, LAND 9, BRAKE 17; any other is refused.
/// </summary>
public sealed partial class ArduPilotEmulator : AutopilotEmulator
{
    /// <summary>Force value of COMPONENT_ARM_DISARM param2.</summary>
    public const float ForceMagic = 21196f;

    private const double PreArmReportPeriodSeconds = 30;

    private CopterMode _mode = CopterMode.Stabilize;
    private bool _ready;
    private bool _estimatorReady;
    private double _lastPreArmReport;
    private double _lastVelocitySetpointSeconds = double.NegativeInfinity;
    private bool _velocityTargetActive;
    private bool _wasArmed;
    private double _landedArmedSince = double.NaN;

    public ArduPilotEmulator(SimWorld world, ITransport transport, EmulatorOptions? options = null)
        : base(world, transport, options, MavAutopilot.Ardupilotmega, ParameterEncoding.CCast)
    {
        Parameters
            .AddReal("GUID_TIMEOUT", 3.0f, 0.1, 5)
            .AddReal("SIM_EKF_READY_T", Options.ArduPilotEstimatorReadySeconds, 0, 600)
            .AddInteger("DISARM_DELAY", 10, 0, 127, MavParamType.Int8)
            .AddInteger("RTL_ALT", 1500, 200, 300000)
            .AddInteger("LAND_SPEED", 50, 30, 200, MavParamType.Int16)
            .AddReal("WPNAV_SPEED", 1000f, 10, 2000)
            .AddInteger("SYSID_THISMAV", 1, 1, 255, MavParamType.Int16);
        _lastPreArmReport = 0;
    }

    public CopterMode Mode => _mode;

    /// <summary>True once the estimator is ready (arming allowed).</summary>
    public bool EstimatorReady => _estimatorReady;

    public override uint CustomMode => (uint)_mode;

    public override byte BaseMode => (byte)(!World.Controller.Armed ? 89 : _mode == CopterMode.Guided ? 217 : 209);

    public override MavState SystemStatus =>
        !_ready ? MavState.Boot : World.Controller.Armed && !World.Controller.Landed ? MavState.Active : MavState.Standby;

    protected override bool ReportsIndexOnNamedRead => false;

    protected override bool AcceptsBodyOffsetFrame => true;

    protected override void HandleSetpoint(in Setpoint setpoint, double nowSeconds)
    {
        if (setpoint.Kind == SetpointKind.Rejected)
        {
            CountSetpoint(SetpointKind.Rejected);
            return;
        }

        if (_mode != CopterMode.Guided || setpoint.Kind == SetpointKind.Ignored)
        {
            CountSetpoint(SetpointKind.Ignored); // outside GUIDED: ignored silently, as the real one does
            return;
        }

        CommandResult result = World.Controller.Armed ? Fly(in setpoint) : CommandResult.Denied;
        CountSetpoint(result == CommandResult.Accepted ? setpoint.Kind : result == CommandResult.Denied ? SetpointKind.Ignored : SetpointKind.Rejected);
        if (result == CommandResult.Accepted && setpoint.Kind == SetpointKind.Velocity)
        {
            _lastVelocitySetpointSeconds = nowSeconds;
            _velocityTargetActive = true;
        }
    }

    protected override void HandleSetMode(in SetModeMessage message, double nowSeconds)
    {
        // SET_MODE: base_mode must carry MAV_MODE_FLAG_CUSTOM_MODE_ENABLED; ArduPilot answers with a COMMAND_ACK for command 11.
        bool ok = (message.BaseMode & 1) != 0 && TrySetMode(message.CustomMode);
        Ack(11, ok ? MavResult.Accepted : MavResult.Failed, 0, 0);
    }

    protected override void HandleRequestDataStream(in RequestDataStreamMessage message, double nowSeconds)
    {
        double rate = message.StartStop == 0 ? 0 : message.ReqMessageRate;
        foreach (uint id in StreamMessages((MavDataStream)message.ReqStreamId))
        {
            Streams.SetRate(id, rate, nowSeconds);
        }
    }

    protected override void PilotModeSwitch(uint customMode, double nowSeconds) => TrySetMode(customMode);

    protected override void Update(double nowSeconds)
    {
        FlightController c = World.Controller;
        if (!_ready && nowSeconds >= Options.ArduPilotReadyAfterSeconds)
        {
            _ready = true;
            StatusText(MavSeverity.Info, "ArduPilot Ready");
            if (_mode != CopterMode.Stabilize && !c.Armed)
            {
                SetModeCore(CopterMode.Stabilize); // observed: a mode set before Ready silently fell back to STABILIZE
            }
        }

        if (!_estimatorReady && nowSeconds >= Parameters.Get("SIM_EKF_READY_T"))
        {
            _estimatorReady = true;
            StatusText(MavSeverity.Info, "EKF3 IMU0 is using GPS");
        }
        else if (!_estimatorReady && _ready && !c.Armed && nowSeconds - _lastPreArmReport >= PreArmReportPeriodSeconds)
        {
            _lastPreArmReport = nowSeconds;
            StatusText(MavSeverity.Critical, "PreArm: Need Position Estimate");
        }

        if (_velocityTargetActive && (_mode != CopterMode.Guided || nowSeconds - _lastVelocitySetpointSeconds > Parameters.Get("GUID_TIMEOUT")))
        {
            _velocityTargetActive = false;
            if (_mode == CopterMode.Guided)
            {
                c.SetVelocityNed(new VelocityNed(0, 0, 0)); // GUID_TIMEOUT: velocity target zeroed, the vehicle brakes to a stop
            }
        }

        TrackArming(nowSeconds);
    }

    private void TrackArming(double now)
    {
        FlightController c = World.Controller;
        if (c.Armed && c.Landed && c.Mode != FlightMode.Takeoff && c.VelocityTargetNed.Z > -0.2f)
        {
            if (double.IsNaN(_landedArmedSince))
            {
                _landedArmedSince = now;
            }

            double delay = Parameters.Get("DISARM_DELAY");
            if (delay > 0 && now - _landedArmedSince >= delay)
            {
                c.Disarm(); // armed on the ground doing nothing: auto-disarm
            }
        }
        else
        {
            _landedArmedSince = double.NaN;
        }

        if (_wasArmed && !c.Armed)
        {
            StatusText(MavSeverity.Info, "Disarming motors");
            _velocityTargetActive = false;
        }

        _wasArmed = c.Armed;
    }

    private bool TrySetMode(uint customMode)
    {
        if ((CopterMode)customMode is not (CopterMode.Stabilize or CopterMode.Guided or CopterMode.Loiter or CopterMode.Rtl or CopterMode.Land or CopterMode.Brake))
        {
            return false; // a mode this emulator does not fly
        }

        SetModeCore((CopterMode)customMode);
        return true;
    }

    private void SetModeCore(CopterMode mode)
    {
        FlightController c = World.Controller;
        _mode = mode;
        _velocityTargetActive = false;
        switch (mode)
        {
            case CopterMode.Rtl:
                c.Return();
                break;
            case CopterMode.Land:
                c.Land();
                break;
            default:
                // GUIDED, LOITER, BRAKE hold position until told otherwise; STABILIZE and LOITER without RC hold too
                // (the emulator models centred sticks; real SITL's throttle at minimum made LOITER descend).
                c.Hold();
                break;
        }
    }

    private void StatusText(MavSeverity severity, string text)
    {
        var message = new StatustextMessage { Severity = (byte)severity };
        message.Text.SetText(text);
        Send(message);
    }

    private static uint[] StreamMessages(MavDataStream stream) => stream switch
    {
        MavDataStream.All =>
        [
            AttitudeMessage.MavlinkId, AttitudeQuaternionMessage.MavlinkId, HighresImuMessage.MavlinkId, LocalPositionNedMessage.MavlinkId,
            GlobalPositionIntMessage.MavlinkId, SysStatusMessage.MavlinkId, ExtendedSysStateMessage.MavlinkId, BatteryStatusMessage.MavlinkId,
        ],
        MavDataStream.RawSensors => [HighresImuMessage.MavlinkId],
        MavDataStream.ExtendedStatus => [SysStatusMessage.MavlinkId],
        MavDataStream.Position => [LocalPositionNedMessage.MavlinkId, GlobalPositionIntMessage.MavlinkId],
        MavDataStream.Extra1 => [AttitudeMessage.MavlinkId],
        MavDataStream.Extra3 => [BatteryStatusMessage.MavlinkId, ExtendedSysStateMessage.MavlinkId],
        _ => [],
    };
}
