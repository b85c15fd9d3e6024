using System.Numerics;
using DroneLiquid.Sim.Frames;
using DroneLiquid.Sim.Sensors;
using DroneLiquid.Sim.Vehicle;

namespace DroneLiquid.Sim.Control;

/// <summary>
/// What an autopilot runs: a mode state machine (Hold, Takeoff, Velocity, Land, Return) over a cascaded
/// position, velocity, attitude and rate controller. Commands and setpoints are validated: NaN, infinite or
/// absurd values are rejected and never reach the motors; sane values beyond the limits are clamped.
/// The autopilot emulator personalities (PX4, ArduPilot) translate MAVLink into these calls.
/// Allocation-free after construction.
/// </summary>
public sealed class FlightController
{
    private readonly QuadrotorParameters _p;
    private readonly ControllerTuning _t;
    private readonly CascadeController _cascade;
    private readonly MotorMixer _mixer;
    private readonly LandDetector _landDetector = new();
    private NavigationEstimate _estimate;
    private Vector3 _holdPositionNed;
    private float _holdYawRadians;
    private Vector3 _velocitySetpoint;
    private bool _velocityInBody;
    private float _yawTargetRadians;
    private float _yawRateRadiansPerSecond;
    private bool _yawByRate;
    private float _verticalReferenceDown;
    private float _takeoffAltitudeMetres;
    private double _landedSinceSeconds = double.NaN;
    private double _nowSeconds;

    public FlightController(QuadrotorParameters parameters, ControllerTuning tuning, Vector3 homeNed)
    {
        parameters.Validate();
        _p = parameters;
        _t = tuning;
        _cascade = new CascadeController(parameters, tuning);
        _mixer = new MotorMixer(parameters);
        HomeNed = homeNed;
        _holdPositionNed = homeNed;
    }

    public ControllerTuning Tuning => _t;

    public FlightMode Mode { get; private set; } = FlightMode.Hold;

    public bool Armed { get; private set; }

    /// <summary>The land detector's verdict (true on the ground, armed or not).</summary>
    public bool Landed => _landDetector.Landed;

    public ReturnPhase ReturnPhase { get; private set; }

    /// <summary>Where Return flies back to, NED (the start point unless moved).</summary>
    public Vector3 HomeNed { get; set; }

    /// <summary>Simulated time of the last accepted velocity setpoint, seconds (NaN before the first); what loss failsafes watch.</summary>
    public double LastSetpointSeconds { get; private set; } = double.NaN;

    /// <summary>The velocity the controller is flying now, NED (after body rotation, position loops and limits).</summary>
    public Vector3 VelocityTargetNed { get; private set; }

    /// <summary>Throttles (0..1) of the last update, PX4 motor order.</summary>
    public Vector4 Throttles { get; private set; }

    public CommandResult Arm()
    {
        if (Armed)
        {
            return CommandResult.Accepted;
        }

        if (!_landDetector.Landed)
        {
            return CommandResult.Denied;
        }

        Armed = true;
        _cascade.Reset();
        _landedSinceSeconds = _nowSeconds;
        _holdPositionNed = _estimate.PositionNed;
        _holdYawRadians = _estimate.YawRadians;
        _verticalReferenceDown = _estimate.PositionNed.Z;
        return CommandResult.Accepted;
    }

    /// <summary>Starts armed and flying (a scenario that begins in the air): the land detector is told the vehicle is airborne.</summary>
    public void ForceAirborneStart()
    {
        Armed = true;
        _cascade.Reset();
        _landDetector.ForceAirborne();
        _holdPositionNed = _estimate.PositionNed;
        _holdYawRadians = _estimate.YawRadians;
        _verticalReferenceDown = _estimate.PositionNed.Z;
    }

    /// <summary>Disarms; refused in flight unless <paramref name="force"/> (a kill switch: the vehicle falls).</summary>
    public CommandResult Disarm(bool force = false)
    {
        if (Armed && !_landDetector.Landed && !force)
        {
            return CommandResult.Denied;
        }

        Armed = false;
        _cascade.Reset();
        return CommandResult.Accepted;
    }

    /// <summary>Takeoff to <paramref name="altitudeMetres"/> above home; accepted on the ground, armed or not (arming then starts the climb).</summary>
    public CommandResult Takeoff(float altitudeMetres)
    {
        if (!float.IsFinite(altitudeMetres))
        {
            return CommandResult.RejectedNotFinite;
        }

        if (altitudeMetres is < 0.5f or > 500f)
        {
            return CommandResult.RejectedOutOfRange;
        }

        if (!_landDetector.Landed)
        {
            return CommandResult.Denied;
        }

        _takeoffAltitudeMetres = altitudeMetres;
        _holdPositionNed = _estimate.PositionNed;
        _holdYawRadians = _estimate.YawRadians;
        Mode = FlightMode.Takeoff;
        return CommandResult.Accepted;
    }

    /// <summary>Hold here (position and heading as they are now).</summary>
    public CommandResult Hold()
    {
        _holdPositionNed = _estimate.PositionNed;
        _holdYawRadians = _estimate.YawRadians;
        Mode = FlightMode.Hold;
        return CommandResult.Accepted;
    }

    /// <summary>Fly to and hold a position (NED, metres) and heading (radians), at the cruise speed.</summary>
    public CommandResult HoldAt(PositionNed position, float yawRadians)
    {
        Vector3 p = position.ToVector();
        if (!float.IsFinite(p.X + p.Y + p.Z + yawRadians))
        {
            return CommandResult.RejectedNotFinite;
        }

        if (MathF.Abs(p.X) > 10_000f || MathF.Abs(p.Y) > 10_000f || p.Z > 0.1f || p.Z < -1000f || MathF.Abs(yawRadians) > 100f)
        {
            return CommandResult.RejectedOutOfRange;
        }

        _holdPositionNed = p;
        _holdYawRadians = yawRadians;
        Mode = FlightMode.Hold;
        return CommandResult.Accepted;
    }

    public CommandResult Land()
    {
        _holdPositionNed = _estimate.PositionNed;
        _holdYawRadians = _estimate.YawRadians;
        Mode = FlightMode.Land;
        return CommandResult.Accepted;
    }

    public CommandResult Return()
    {
        _holdYawRadians = _estimate.YawRadians;
        ReturnPhase = ReturnPhase.Climb;
        _holdPositionNed = _estimate.PositionNed;
        Mode = FlightMode.Return;
        return CommandResult.Accepted;
    }

    /// <summary>Follow a velocity in NED with a heading target (radians) or, when <paramref name="yawRadians"/> is null, the current heading.</summary>
    public CommandResult SetVelocityNed(VelocityNed velocity, float? yawRadians = null) =>
        SetVelocity(velocity.ToVector(), inBody: false, yawRadians, yawRate: null);

    /// <summary>Follow a velocity in NED while turning at a yaw rate (radians per second, positive clockwise from above).</summary>
    public CommandResult SetVelocityNedYawRate(VelocityNed velocity, float yawRateRadiansPerSecond) =>
        SetVelocity(velocity.ToVector(), inBody: false, yaw: null, yawRateRadiansPerSecond);

    /// <summary>
    /// Follow a velocity given in the body frame, rotated by the current heading on every update (forward stays
    /// forward while turning, so a forward speed with a yaw rate flies an arc), with a yaw rate.
    /// </summary>
    public CommandResult SetVelocityBody(VelocityFrd velocity, float yawRateRadiansPerSecond = 0f) =>
        SetVelocity(velocity.ToVector(), inBody: true, yaw: null, yawRateRadiansPerSecond);

    /// <summary>Runs the controller for one step and returns the motor throttles (zero while disarmed).</summary>
    public Vector4 Update(double nowSeconds, float dtSeconds, in NavigationEstimate estimate)
    {
        _nowSeconds = nowSeconds;
        _estimate = estimate;
        Vector3 position = estimate.PositionNed;
        Vector3 velocity = estimate.VelocityNed;
        _landDetector.Update(nowSeconds, -position.Z, velocity.Z, new Vector2(velocity.X, velocity.Y).Length(),
            _cascade.CollectiveThrustNewtons / _p.HoverThrustNewtons, Armed);
        UpdateAutoDisarm(nowSeconds);
        if (!Armed)
        {
            Throttles = Vector4.Zero;
            _cascade.Reset();
            return Throttles;
        }

        (Vector3 velocityTarget, float yawTarget, float yawRate) = ModeTargets(position, dtSeconds);
        velocityTarget = LimitVelocity(velocityTarget);
        VelocityTargetNed = velocityTarget;
        if (_landDetector.Landed && velocityTarget.Z > -0.2f)
        {
            // On the ground with nothing asking to climb: idle, hold the heading, keep the integrators empty.
            _cascade.Reset();
            _holdPositionNed = _holdPositionNed with { Z = MathF.Max(_holdPositionNed.Z, position.Z) };
            _verticalReferenceDown = position.Z;
            Throttles = Vector4.Zero;
            return Throttles;
        }

        (float thrust, Vector3 torque) = _cascade.Update(in estimate, velocityTarget, yawTarget, yawRate, _mixer.MaxTotalThrustNewtons, dtSeconds);
        Throttles = _mixer.Mix(thrust, torque);
        return Throttles;
    }

    private CommandResult SetVelocity(Vector3 v, bool inBody, float? yaw, float? yawRate)
    {
        float yawValue = yaw ?? 0f;
        float rateValue = yawRate ?? 0f;
        if (!float.IsFinite(v.X + v.Y + v.Z + yawValue + rateValue))
        {
            return CommandResult.RejectedNotFinite;
        }

        float sanity = _t.SetpointSanityLimitMetresPerSecond;
        if (MathF.Abs(v.X) > sanity || MathF.Abs(v.Y) > sanity || MathF.Abs(v.Z) > sanity
            || MathF.Abs(yawValue) > 100f || MathF.Abs(rateValue) > 100f)
        {
            return CommandResult.RejectedOutOfRange;
        }

        if (Mode != FlightMode.Velocity)
        {
            _verticalReferenceDown = _estimate.PositionNed.Z;
            _yawTargetRadians = _estimate.YawRadians;
        }

        _velocitySetpoint = v;
        _velocityInBody = inBody;
        _yawByRate = yawRate.HasValue;
        _yawRateRadiansPerSecond = Math.Clamp(rateValue, -_t.MaxYawRateRadiansPerSecond, _t.MaxYawRateRadiansPerSecond);
        if (yaw.HasValue)
        {
            _yawTargetRadians = yawValue;
        }
        else if (!_yawByRate && Mode != FlightMode.Velocity)
        {
            _yawTargetRadians = _estimate.YawRadians;
        }

        LastSetpointSeconds = _nowSeconds;
        Mode = FlightMode.Velocity;
        return CommandResult.Accepted;
    }

    private (Vector3 Velocity, float Yaw, float YawRate) ModeTargets(Vector3 position, float dt)
    {
        switch (Mode)
        {
            case FlightMode.Velocity:
                return VelocityTargets(position, dt);
            case FlightMode.Takeoff:
            {
                var target = new Vector3(_holdPositionNed.X, _holdPositionNed.Y, HomeNed.Z - _takeoffAltitudeMetres);
                Vector3 v = PositionToVelocity(target, position, _t.CruiseSpeedMetresPerSecond, _t.TakeoffClimbRateMetresPerSecond);
                if (MathF.Abs(position.Z - target.Z) < 0.1f)
                {
                    _holdPositionNed = target;
                    Mode = FlightMode.Hold;
                }

                return (v, _holdYawRadians, 0f);
            }

            case FlightMode.Land:
            {
                Vector3 v = PositionToVelocity(_holdPositionNed, position, _t.CruiseSpeedMetresPerSecond, _t.MaxClimbRateMetresPerSecond);
                return (v with { Z = _t.LandSpeedMetresPerSecond }, _holdYawRadians, 0f);
            }

            case FlightMode.Return:
                return ReturnTargets(position);
            default:
                return (PositionToVelocity(_holdPositionNed, position, _t.CruiseSpeedMetresPerSecond, _t.MaxClimbRateMetresPerSecond), _holdYawRadians, 0f);
        }
    }

    private (Vector3 Velocity, float Yaw, float YawRate) VelocityTargets(Vector3 position, float dt)
    {
        if (_yawByRate)
        {
            _yawTargetRadians = WrapAngle(_yawTargetRadians + (_yawRateRadiansPerSecond * dt));

            // Keep the heading target within reach so a stalled turn does not wind up.
            float lag = WrapAngle(_yawTargetRadians - _estimate.YawRadians);
            if (MathF.Abs(lag) > 0.5f)
            {
                _yawTargetRadians = WrapAngle(_estimate.YawRadians + (0.5f * MathF.Sign(lag)));
            }
        }

        Vector3 v = _velocitySetpoint;
        if (_velocityInBody)
        {
            float yaw = _estimate.YawRadians;
            float c = MathF.Cos(yaw), s = MathF.Sin(yaw);
            v = new Vector3((c * v.X) - (s * v.Y), (s * v.X) + (c * v.Y), v.Z);
        }

        // Vertical: track the integrated reference so altitude holds when the vertical setpoint is zero.
        _verticalReferenceDown += Math.Clamp(v.Z, -_t.MaxClimbRateMetresPerSecond, _t.MaxDescentRateMetresPerSecond) * dt;
        _verticalReferenceDown = MathF.Min(_verticalReferenceDown, HomeNed.Z + 0.5f);
        _verticalReferenceDown = Math.Clamp(_verticalReferenceDown, position.Z - 1f, position.Z + 1f);
        v.Z += _t.VerticalPositionGainPerSecond * (_verticalReferenceDown - position.Z);
        return (v, _yawTargetRadians, _yawByRate ? _yawRateRadiansPerSecond : 0f);
    }

    private (Vector3 Velocity, float Yaw, float YawRate) ReturnTargets(Vector3 position)
    {
        float returnDown = MathF.Min(HomeNed.Z - _t.ReturnAltitudeMetres, _holdPositionNed.Z);
        var toHome = new Vector2(HomeNed.X - position.X, HomeNed.Y - position.Y);
        switch (ReturnPhase)
        {
            case ReturnPhase.Climb:
            {
                var target = new Vector3(_holdPositionNed.X, _holdPositionNed.Y, returnDown);
                if (MathF.Abs(position.Z - returnDown) < 0.3f)
                {
                    ReturnPhase = ReturnPhase.Cruise;
                    if (toHome.Length() > 0.5f)
                    {
                        _holdYawRadians = MathF.Atan2(toHome.Y, toHome.X);
                    }
                }

                return (PositionToVelocity(target, position, _t.CruiseSpeedMetresPerSecond, _t.MaxClimbRateMetresPerSecond), _holdYawRadians, 0f);
            }

            case ReturnPhase.Cruise:
            {
                var target = new Vector3(HomeNed.X, HomeNed.Y, returnDown);
                if (toHome.Length() < 0.5f)
                {
                    ReturnPhase = ReturnPhase.Descend;
                }

                return (PositionToVelocity(target, position, _t.CruiseSpeedMetresPerSecond, _t.MaxClimbRateMetresPerSecond), _holdYawRadians, 0f);
            }

            default:
            {
                var target = new Vector3(HomeNed.X, HomeNed.Y, position.Z);
                Vector3 v = PositionToVelocity(target, position, _t.CruiseSpeedMetresPerSecond, _t.MaxClimbRateMetresPerSecond);
                return (v with { Z = _t.LandSpeedMetresPerSecond }, _holdYawRadians, 0f);
            }
        }
    }

    private Vector3 PositionToVelocity(Vector3 target, Vector3 position, float maxHorizontal, float maxClimb)
    {
        Vector3 error = target - position;
        var horizontal = new Vector2(error.X, error.Y) * _t.PositionGainPerSecond;
        float length = horizontal.Length();
        if (length > maxHorizontal)
        {
            horizontal *= maxHorizontal / length;
        }

        float vertical = Math.Clamp(error.Z * _t.VerticalPositionGainPerSecond, -maxClimb, _t.MaxDescentRateMetresPerSecond);
        return new Vector3(horizontal, vertical);
    }

    private Vector3 LimitVelocity(Vector3 v)
    {
        var horizontal = new Vector2(v.X, v.Y);
        float length = horizontal.Length();
        if (length > _t.MaxHorizontalSpeedMetresPerSecond)
        {
            horizontal *= _t.MaxHorizontalSpeedMetresPerSecond / length;
        }

        return new Vector3(horizontal, Math.Clamp(v.Z, -_t.MaxClimbRateMetresPerSecond, _t.MaxDescentRateMetresPerSecond));
    }

    private void UpdateAutoDisarm(double nowSeconds)
    {
        if (!Armed || !_landDetector.Landed)
        {
            _landedSinceSeconds = double.NaN;
            return;
        }

        if (double.IsNaN(_landedSinceSeconds))
        {
            _landedSinceSeconds = nowSeconds;
            if (Mode is FlightMode.Land or FlightMode.Return)
            {
                _holdPositionNed = _estimate.PositionNed;
            }
        }

        bool landingMode = Mode == FlightMode.Land || (Mode == FlightMode.Return && ReturnPhase == ReturnPhase.Descend);
        if (landingMode && nowSeconds - _landedSinceSeconds >= _t.DisarmAfterLandSeconds)
        {
            Armed = false;
            Mode = FlightMode.Hold;
            _holdPositionNed = _estimate.PositionNed;
        }
    }

    internal static float WrapAngle(float radians)
    {
        float wrapped = MathF.IEEERemainder(radians, 2f * MathF.PI);
        return wrapped;
    }
}
