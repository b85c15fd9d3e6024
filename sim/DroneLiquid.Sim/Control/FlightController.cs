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
public sealed partial class FlightController
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
        return EnterHere(FlightMode.Takeoff);
    }

    /// <summary>Hold here (position and heading as they are now).</summary>
    public CommandResult Hold() => EnterHere(FlightMode.Hold);

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

    /// <summary>Land where the vehicle is now.</summary>
    public CommandResult Land() => EnterHere(FlightMode.Land);

    /// <summary>Return home: climb to the return altitude here, fly home, land.</summary>
    public CommandResult Return()
    {
        ReturnPhase = ReturnPhase.Climb;
        return EnterHere(FlightMode.Return);
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

    /// <summary>Switches to <paramref name="mode"/> anchored at the current position and heading.</summary>
    private CommandResult EnterHere(FlightMode mode)
    {
        _holdPositionNed = _estimate.PositionNed;
        _holdYawRadians = _estimate.YawRadians;
        Mode = mode;
        return CommandResult.Accepted;
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

    internal static float WrapAngle(float radians)
    {
        float wrapped = MathF.IEEERemainder(radians, 2f * MathF.PI);
        return wrapped;
    }
}
