using System.Numerics;
using System.Runtime.CompilerServices;

namespace DroneLiquid.Sim.Vehicle;

/// <summary>
/// Quadrotor rigid-body dynamics integrated with classic fourth-order Runge-Kutta at a fixed step: four motors
/// with first-order speed lag, thrust and reaction torque proportional to speed squared, gravity, linear plus
/// quadratic drag on the air-relative velocity, rotational damping, and ground contact (no sinking, Coulomb
/// friction, a landed state, and the speed of each touchdown so the caller can judge a crash).
/// Allocation-free: all state is in value types.
/// </summary>
public sealed class QuadrotorDynamics
{
    private readonly QuadrotorParameters _p;
    private readonly Vector3 _inertia;
    private readonly Vector3 _inverseInertia;
    private readonly Vector4 _motorX;
    private readonly Vector4 _motorY;
    private readonly Vector4 _spin;
    private QuadrotorState _state;
    private Vector4 _commandSpeeds;
    private Vector3 _windNed;

    public QuadrotorDynamics(QuadrotorParameters parameters, QuadrotorState initial)
    {
        parameters.Validate();
        _p = parameters;
        _inertia = parameters.InertiaFrdKilogramSquareMetres;
        _inverseInertia = Vector3.One / _inertia;
        Vector2 m0 = parameters.MotorPositionFrd(0), m1 = parameters.MotorPositionFrd(1);
        Vector2 m2 = parameters.MotorPositionFrd(2), m3 = parameters.MotorPositionFrd(3);
        _motorX = new Vector4(m0.X, m1.X, m2.X, m3.X);
        _motorY = new Vector4(m0.Y, m1.Y, m2.Y, m3.Y);
        _spin = new Vector4(QuadrotorParameters.MotorSpinSign(0), QuadrotorParameters.MotorSpinSign(1),
            QuadrotorParameters.MotorSpinSign(2), QuadrotorParameters.MotorSpinSign(3));
        _state = initial;
        Landed = initial.PositionNed.Z >= 0f;
    }

    public QuadrotorParameters Parameters => _p;

    public ref readonly QuadrotorState State => ref _state;

    /// <summary>Acceleration of the centre of mass over the last step, NED, metres per second squared (for the IMU).</summary>
    public Vector3 AccelerationNed { get; private set; }

    /// <summary>True while resting on the ground with less thrust than weight.</summary>
    public bool Landed { get; private set; }

    /// <summary>Speed of the most recent touchdown (set on the step the vehicle reaches the ground from the air), metres per second.</summary>
    public float LastTouchdownSpeedMetresPerSecond { get; private set; }

    /// <summary>Tilt at the most recent touchdown, radians.</summary>
    public float LastTouchdownTiltRadians { get; private set; }

    /// <summary>Number of touchdowns from the air since start.</summary>
    public int TouchdownCount { get; private set; }

    /// <summary>Sum over motors of thrust^1.5 in the last step (what the battery model draws on), newtons^1.5.</summary>
    public float SumThrustToThreeHalves { get; private set; }

    /// <summary>Total thrust of the four motors now, newtons.</summary>
    public float TotalThrustNewtons
    {
        get
        {
            Vector4 w = _state.MotorSpeedsRadiansPerSecond;
            return _p.ThrustCoefficient * Vector4.Dot(w, w);
        }
    }

    /// <summary>Overwrites the state (tests, resets, the SITL bridge following an external vehicle).</summary>
    public void Reset(QuadrotorState state)
    {
        _state = state;
        Landed = state.PositionNed.Z >= 0f;
        AccelerationNed = Vector3.Zero;
    }

    /// <summary>
    /// Sets the motor speed commands from normalised throttles (0..1 each, clamped), scaled by the battery's
    /// voltage ratio as an ESC driving a brushless motor would. Armed motors never drop below idle speed.
    /// </summary>
    public void SetThrottles(Vector4 throttles, float voltageRatio, bool armed)
    {
        if (!armed)
        {
            _commandSpeeds = Vector4.Zero;
            return;
        }

        Vector4 t = Vector4.Clamp(throttles, Vector4.Zero, Vector4.One);
        float top = _p.MaxMotorSpeedRadiansPerSecond * Math.Clamp(voltageRatio, 0f, 1.2f);
        _commandSpeeds = Vector4.Max(t * top, new Vector4(_p.IdleMotorSpeedRadiansPerSecond));
    }

    /// <summary>Advances the state by one fixed step with the wind held constant over it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Step(float dtSeconds, Vector3 windNed)
    {
        _windNed = windNed;
        Vector3 velocityBefore = _state.VelocityNed;
        QuadrotorState s = _state;
        Derivative k1 = Evaluate(in s);
        QuadrotorState s2 = Offset(in s, in k1, 0.5f * dtSeconds);
        Derivative k2 = Evaluate(in s2);
        QuadrotorState s3 = Offset(in s, in k2, 0.5f * dtSeconds);
        Derivative k3 = Evaluate(in s3);
        QuadrotorState s4 = Offset(in s, in k3, dtSeconds);
        Derivative k4 = Evaluate(in s4);
        float w = dtSeconds / 6f;
        s.PositionNed += w * (k1.Position + (2f * (k2.Position + k3.Position)) + k4.Position);
        s.VelocityNed += w * (k1.Velocity + (2f * (k2.Velocity + k3.Velocity)) + k4.Velocity);
        s.AttitudeFrdToNed = Quaternion.Normalize(Add(s.AttitudeFrdToNed,
            Scale(Add(Add(k1.Attitude, Scale(Add(k2.Attitude, k3.Attitude), 2f)), k4.Attitude), w)));
        s.AngularRateFrd += w * (k1.AngularRate + (2f * (k2.AngularRate + k3.AngularRate)) + k4.AngularRate);
        s.MotorSpeedsRadiansPerSecond += w * (k1.Motors + (2f * (k2.Motors + k3.Motors)) + k4.Motors);
        _state = s;
        ApplyGroundContact(dtSeconds);
        AccelerationNed = (_state.VelocityNed - velocityBefore) / dtSeconds;
        Vector4 thrusts = _p.ThrustCoefficient * _state.MotorSpeedsRadiansPerSecond * _state.MotorSpeedsRadiansPerSecond;
        SumThrustToThreeHalves = Vector4.Dot(thrusts, Vector4.SquareRoot(thrusts));
    }

    private Derivative Evaluate(in QuadrotorState s)
    {
        Vector4 w2 = s.MotorSpeedsRadiansPerSecond * s.MotorSpeedsRadiansPerSecond;
        Vector4 thrust = _p.ThrustCoefficient * w2;
        float total = thrust.X + thrust.Y + thrust.Z + thrust.W;
        var torque = new Vector3(
            -Vector4.Dot(_motorY, thrust),
            Vector4.Dot(_motorX, thrust),
            _p.TorqueCoefficient * Vector4.Dot(_spin, w2));
        torque -= _p.RotationalDampingNewtonMetreSecondsPerRadian * s.AngularRateFrd;

        Vector3 air = s.VelocityNed - _windNed;
        Vector3 drag = -(_p.LinearDragNewtonSecondsPerMetre + (_p.QuadraticDragNewtonSecondsSquaredPerMetreSquared * air.Length())) * air;
        Vector3 thrustNed = Vector3.Transform(new Vector3(0f, 0f, -total), s.AttitudeFrdToNed);
        Vector3 acceleration = new Vector3(0f, 0f, QuadrotorParameters.StandardGravity) + ((thrustNed + drag) / _p.MassKilograms);

        Vector3 omega = s.AngularRateFrd;
        Vector3 angularAcceleration = (torque - Vector3.Cross(omega, _inertia * omega)) * _inverseInertia;
        Quaternion attitudeRate = Scale(s.AttitudeFrdToNed * new Quaternion(omega, 0f), 0.5f);
        Vector4 motorRate = (_commandSpeeds - s.MotorSpeedsRadiansPerSecond) / _p.MotorTimeConstantSeconds;
        return new Derivative(s.VelocityNed, acceleration, attitudeRate, angularAcceleration, motorRate);
    }

    private void ApplyGroundContact(float dtSeconds)
    {
        ref QuadrotorState s = ref _state;
        if (s.PositionNed.Z < 0f)
        {
            Landed = false;
            return;
        }

        if (!Landed)
        {
            TouchdownCount++;
            LastTouchdownSpeedMetresPerSecond = s.VelocityNed.Length();
            Vector3 bodyDown = Vector3.Transform(Vector3.UnitZ, s.AttitudeFrdToNed);
            LastTouchdownTiltRadians = MathF.Acos(Math.Clamp(bodyDown.Z, -1f, 1f));
        }

        s.PositionNed.Z = 0f;
        if (s.VelocityNed.Z > 0f)
        {
            s.VelocityNed.Z = 0f;
        }

        // Thrust that pulls up harder than gravity lifts the vehicle off; otherwise it rests on its gear.
        Vector3 thrustNed = Vector3.Transform(new Vector3(0f, 0f, -TotalThrustNewtons), s.AttitudeFrdToNed);
        float upward = -thrustNed.Z;
        if (upward > _p.HoverThrustNewtons)
        {
            Landed = false;
            return;
        }

        Landed = true;
        float normalForce = _p.HoverThrustNewtons - upward;
        var horizontal = new Vector2(s.VelocityNed.X, s.VelocityNed.Y);
        float speed = horizontal.Length();
        float frictionDeltaV = _p.GroundFrictionCoefficient * normalForce / _p.MassKilograms * dtSeconds;
        horizontal = speed <= frictionDeltaV ? Vector2.Zero : horizontal * (1f - (frictionDeltaV / speed));
        s.VelocityNed = new Vector3(horizontal, 0f);

        // The gear holds the body level: keep only the heading and the yaw rate (damped by friction).
        float yaw = Frames.EulerAngles.FromQuaternion(s.AttitudeFrdToNed).YawRadians;
        s.AttitudeFrdToNed = Quaternion.CreateFromAxisAngle(Vector3.UnitZ, yaw);
        s.AngularRateFrd = new Vector3(0f, 0f, s.AngularRateFrd.Z * MathF.Max(0f, 1f - (10f * dtSeconds)));
    }

    private static QuadrotorState Offset(in QuadrotorState s, in Derivative d, float h) => new()
    {
        PositionNed = s.PositionNed + (h * d.Position),
        VelocityNed = s.VelocityNed + (h * d.Velocity),
        AttitudeFrdToNed = Quaternion.Normalize(Add(s.AttitudeFrdToNed, Scale(d.Attitude, h))),
        AngularRateFrd = s.AngularRateFrd + (h * d.AngularRate),
        MotorSpeedsRadiansPerSecond = s.MotorSpeedsRadiansPerSecond + (h * d.Motors),
    };

    private static Quaternion Scale(Quaternion q, float k) => new(q.X * k, q.Y * k, q.Z * k, q.W * k);

    private static Quaternion Add(Quaternion a, Quaternion b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z, a.W + b.W);

    private readonly record struct Derivative(Vector3 Position, Vector3 Velocity, Quaternion Attitude, Vector3 AngularRate, Vector4 Motors);
}
