using DroneLiquid.Mavlink.Connection;
using DroneLiquid.Mavlink.Messages;
using DroneLiquid.Mavlink.Transports;
using DroneLiquid.Sim.Control;
using CommandResult = DroneLiquid.Sim.Control.CommandResult;
using DroneLiquid.Sim.Simulation;

namespace DroneLiquid.Sim.Autopilot.Px4;

/// <summary>
/// PX4 as its onboard link behaved toward a companion computer (FACTS_SITL_OBSERVED.md): boots in Hold with
/// system_status UNINIT until its checks pass; arming is refused (TEMPORARILY_REJECTED plus an EVENT) while they
/// fail, which includes Offboard without a setpoint stream; Offboard needs setpoints faster than 2 Hz for more
/// than 1 s; losing them for COM_OF_LOSS_T while armed in Offboard triggers the failsafe (Return without RC,
/// COM_OBL_RC_ACT with RC) and resuming them returns to Offboard by itself; DO_SET_MODE is acknowledged twice;
/// notices go out as EVENT, never STATUSTEXT; the onboard link streams telemetry without being asked.
/// </summary>
public sealed partial class Px4Emulator : AutopilotEmulator
{
    /// <summary>Gap above which setpoints no longer count as one stream (PX4 needs more than 2 Hz).</summary>
    public const double StreamGapSeconds = 0.5;

    /// <summary>Streaming time needed before Offboard counts as ready to arm.</summary>
    public const double StreamSettleSeconds = 1.0;

    /// <summary>Streaming time after which a resumed stream ends an offboard-loss failsafe (observed 0.4 s).</summary>
    public const double RecoverySeconds = 0.3;

    /// <summary>MAV_CMD_COMPONENT_ARM_DISARM param2 that forces a disarm in flight.</summary>
    public const float ForceMagic = 21196f;

    private Px4Mode _mode = Px4Mode.Hold;
    private Px4Mode _userMode = Px4Mode.Hold;
    private bool _failsafe;
    private bool _failsafeFromOffboard;
    private bool _rcPresent;
    private double _lastSetpointSeconds = double.NegativeInfinity;
    private double _streamStartSeconds = double.NegativeInfinity;
    private Setpoint _lastSetpoint;
    private float _takeoffAltitudeMetres = 2.5f;
    private ushort _eventSequence = 65527; // real PX4's first sequence numbers after boot wrap from here
    private bool _wasArmed;
    private bool _wasLanded = true;
    private double _armedAtSeconds;
    private bool _tookOffSinceArm;

    public Px4Emulator(SimWorld world, ITransport transport, EmulatorOptions? options = null)
        : base(world, transport, options, MavAutopilot.Px4, ParameterEncoding.Bytewise)
    {
        Parameters
            .AddReal("COM_OF_LOSS_T", 1.0f, 0, 60)
            .AddInteger("COM_OBL_RC_ACT", 0, 0, 7)
            .AddReal("COM_OBC_LOSS_T", 5.0f, 0, 60)
            .AddInteger("COM_RC_IN_MODE", 1, 0, 4)
            .AddInteger("NAV_RCL_ACT", 2, 0, 6)
            .AddInteger("NAV_DLL_ACT", 0, 0, 6)
            .AddInteger("COM_DL_LOSS_T", 10, 5, 300)
            .AddReal("COM_DISARM_LAND", 2.0f, -1, 20)
            .AddReal("COM_DISARM_PRFLT", 10.0f, -1, 30)
            .AddReal("MIS_TAKEOFF_ALT", 2.5f, 0, 100)
            .AddReal("MPC_XY_VEL_MAX", 12f, 0, 20)
            .AddReal("MPC_Z_VEL_MAX_UP", 3f, 0.5, 8)
            .AddReal("MPC_LAND_SPEED", 0.7f, 0.6, 10)
            .AddInteger("COM_RCL_EXCEPT", 0, 0, 31);
        Streams.SetDefaultRate(AttitudeMessage.MavlinkId, Options.Px4AttitudeRateHz);
        Streams.SetDefaultRate(HighresImuMessage.MavlinkId, 50);
        Streams.SetDefaultRate(AttitudeQuaternionMessage.MavlinkId, 50);
        Streams.SetDefaultRate(LocalPositionNedMessage.MavlinkId, 30);
        Streams.SetDefaultRate(GlobalPositionIntMessage.MavlinkId, 50);
        Streams.SetDefaultRate(PositionTargetLocalNedMessage.MavlinkId, 10);
        Streams.SetDefaultRate(SysStatusMessage.MavlinkId, 5);
        Streams.SetDefaultRate(ExtendedSysStateMessage.MavlinkId, 5);
        Streams.SetDefaultRate(BatteryStatusMessage.MavlinkId, 0.5);
        Streams.SetDefaultRate(HomePositionMessage.MavlinkId, 0.5);
        _mode = Px4Mode.Hold;
    }

    public Px4Mode Mode => _mode;

    /// <summary>True while a failsafe (offboard loss) holds the vehicle.</summary>
    public bool FailsafeActive => _failsafe;

    public override uint CustomMode => Px4Modes.ToCustomMode(_mode);

    public override byte BaseMode
    {
        get
        {
            bool armed = World.Controller.Armed;
            return _mode switch
            {
                Px4Mode.Offboard => (byte)(armed ? 145 : StreamActive(World.ElapsedSeconds) ? 17 : 1),
                Px4Mode.Position => (byte)(armed ? 217 : 89),
                _ => (byte)(armed ? 157 : 29),
            };
        }
    }

    public override MavState SystemStatus =>
        _failsafe ? MavState.Critical
        : World.Controller.Armed ? MavState.Active
        : ChecksPass(World.ElapsedSeconds) ? MavState.Standby
        : MavState.Uninit;

    private bool StreamActive(double now) => now - _lastSetpointSeconds <= StreamGapSeconds;

    private bool StreamSettled(double now, double seconds) => StreamActive(now) && now - _streamStartSeconds >= seconds;

    private bool ChecksPass(double now) =>
        now >= Options.Px4ChecksPassAfterSeconds && (_mode != Px4Mode.Offboard || StreamSettled(now, StreamSettleSeconds));

    protected override void HandleSetpoint(in Setpoint setpoint, double nowSeconds)
    {
        CountSetpoint(setpoint.Kind);
        if (setpoint.Kind is SetpointKind.Rejected or SetpointKind.Ignored)
        {
            return;
        }

        if (nowSeconds - _lastSetpointSeconds > StreamGapSeconds)
        {
            _streamStartSeconds = nowSeconds;
        }

        _lastSetpointSeconds = nowSeconds;
        _lastSetpoint = setpoint;
        if (_mode == Px4Mode.Offboard && !_failsafe && World.Controller.Armed)
        {
            Fly(in setpoint);
        }
    }

    protected override void HandleSetMode(in SetModeMessage message, double nowSeconds)
    {
        // SET_MODE (deprecated) carries the same custom_mode; PX4 answers nothing.
        if ((message.BaseMode & 1) != 0 && Px4Modes.TryDecode(message.CustomMode, out Px4Mode mode))
        {
            TrySwitch(mode, nowSeconds);
        }
    }

    protected override void PilotModeSwitch(uint customMode, double nowSeconds)
    {
        _rcPresent = true;
        if (Px4Modes.TryDecode(customMode, out Px4Mode mode))
        {
            _failsafe = false;
            _failsafeFromOffboard = false;
            Enter(mode, byUser: true);
        }
    }

    protected override void Update(double nowSeconds)
    {
        FlightController c = World.Controller;
        if (_mode == Px4Mode.Takeoff && c.Armed && c.Mode == FlightMode.Hold && !c.Landed)
        {
            _mode = Px4Mode.Hold; // AUTO.TAKEOFF reached its altitude: AUTO.LOITER
        }

        TrackArmingAndLanding(nowSeconds);
        if (c.Armed && _mode == Px4Mode.Offboard && !_failsafe && nowSeconds - _lastSetpointSeconds > Parameters.Get("COM_OF_LOSS_T"))
        {
            EnterOffboardLossFailsafe();
        }
        else if (_failsafeFromOffboard && StreamSettled(nowSeconds, RecoverySeconds))
        {
            _failsafe = false;
            _failsafeFromOffboard = false;
            Enter(Px4Mode.Offboard, byUser: false);
        }
    }

    private void TrackArmingAndLanding(double now)
    {
        FlightController c = World.Controller;
        if (c.Armed && !_wasArmed)
        {
            _armedAtSeconds = now;
            _tookOffSinceArm = false;
        }

        if (!c.Landed && _wasLanded && c.Armed)
        {
            _tookOffSinceArm = true;
            SendEvent(Px4EventIds.TakeoffDetected);
        }
        else if (c.Landed && !_wasLanded)
        {
            SendEvent(Px4EventIds.LandingDetected);
        }

        double preflight = Parameters.Get("COM_DISARM_PRFLT");
        if (c.Armed && c.Landed && !_tookOffSinceArm && preflight > 0 && now - _armedAtSeconds > preflight && c.VelocityTargetNed.Z > -0.2f)
        {
            c.Disarm(); // armed but never took off: PX4's preflight auto-disarm
        }

        if (_wasArmed && !c.Armed)
        {
            SendEvent(Px4EventIds.Disarmed);
            _failsafe = false;
            _failsafeFromOffboard = false;
            if (_mode is Px4Mode.Land or Px4Mode.Return or Px4Mode.Takeoff)
            {
                _mode = _userMode; // after an auto-disarm PX4 went back to the user's previous mode
            }
        }

        _wasArmed = c.Armed;
        _wasLanded = c.Landed;
    }

    private void EnterOffboardLossFailsafe()
    {
        _failsafe = true;
        _failsafeFromOffboard = true;
        Px4Mode action = Px4Mode.Return;
        if (_rcPresent)
        {
            switch ((int)Parameters.Get("COM_OBL_RC_ACT"))
            {
                case 0 or 1 or 2:
                    action = Px4Mode.Position;
                    break;
                case 4:
                    action = Px4Mode.Land;
                    break;
                case 5:
                    action = Px4Mode.Hold;
                    break;
                case 6 or 7:
                    World.Controller.Disarm(force: true); // Terminate / Disarm: the motors stop
                    break;
            }
        }

        SendEvent(Px4EventIds.FailsafeActivated, (byte)action);
        Enter(action, byUser: false);
    }

    /// <summary>Switches mode on a command; false when refused.</summary>
    private bool TrySwitch(Px4Mode mode, double now)
    {
        FlightController c = World.Controller;
        if (mode == Px4Mode.Offboard && c.Armed && !StreamActive(now))
        {
            return false; // armed without a stream: PX4 would fall straight into the failsafe
        }

        if (mode == Px4Mode.Takeoff && !c.Landed)
        {
            mode = Px4Mode.Hold; // already flying: AUTO.TAKEOFF has nothing to do and loiters
        }

        if (_failsafe && mode != Px4Mode.Offboard)
        {
            _failsafe = false;
            _failsafeFromOffboard = false;
        }
        else if (_failsafe && mode == Px4Mode.Offboard && StreamActive(now))
        {
            _failsafe = false;
            _failsafeFromOffboard = false;
        }

        Enter(mode, byUser: true);
        return true;
    }

    private void Enter(Px4Mode mode, bool byUser)
    {
        FlightController c = World.Controller;
        _mode = mode;
        if (byUser && mode is Px4Mode.Hold or Px4Mode.Position or Px4Mode.Offboard)
        {
            _userMode = mode;
        }

        switch (mode)
        {
            case Px4Mode.Offboard:
                if (c.Armed && StreamActive(World.ElapsedSeconds))
                {
                    Fly(in _lastSetpoint);
                }
                else
                {
                    c.Hold();
                }

                break;
            case Px4Mode.Takeoff:
                if (c.Takeoff(_takeoffAltitudeMetres) != CommandResult.Accepted)
                {
                    _mode = Px4Mode.Hold;
                    c.Hold();
                }

                break;
            case Px4Mode.Land:
                c.Land();
                SendEvent(Px4EventIds.LandingAtCurrentPosition);
                break;
            case Px4Mode.Return:
                c.Return();
                SendEvent(Px4EventIds.ReturnStart);
                break;
            default:
                c.Hold();
                break;
        }
    }

    private void SendEvent(Px4Event e, byte argument = 0)
    {
        var message = new EventMessage
        {
            Id = e.Id,
            EventTimeBootMs = Telemetry.TimeBootMs,
            Sequence = _eventSequence++,
            LogLevels = e.LogLevels,
        };
        message.Arguments[0] = argument;
        Send(message);
    }
}
