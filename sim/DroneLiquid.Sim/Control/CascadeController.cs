using System.Numerics;
using System.Runtime.CompilerServices;
using DroneLiquid.Sim.Sensors;
using DroneLiquid.Sim.Vehicle;

namespace DroneLiquid.Sim.Control;

/// <summary>
/// The inner three loops of the cascade: velocity (PI plus drag feed-forward) gives an acceleration, which
/// with gravity gives a thrust vector and so a tilt (limited) and collective thrust; attitude (quaternion error,
/// proportional) gives body rates (limited); rates (PI with gyroscopic compensation) give body torques.
/// </summary>
internal sealed class CascadeController
{
    private static readonly Vector3 GravityNed = new(0f, 0f, QuadrotorParameters.StandardGravity);
    private readonly QuadrotorParameters _p;
    private readonly ControllerTuning _t;
    private readonly float _dragFeedForwardPerSecond;
    private Vector3 _velocityIntegral;
    private Vector3 _rateIntegral;

    public CascadeController(QuadrotorParameters parameters, ControllerTuning tuning)
    {
        _p = parameters;
        _t = tuning;
        _dragFeedForwardPerSecond = parameters.LinearDragNewtonSecondsPerMetre / parameters.MassKilograms;
    }

    /// <summary>Collective thrust commanded on the last update, newtons.</summary>
    public float CollectiveThrustNewtons { get; private set; }

    public void Reset()
    {
        _velocityIntegral = Vector3.Zero;
        _rateIntegral = Vector3.Zero;
        CollectiveThrustNewtons = 0f;
    }

    /// <summary>Computes thrust (newtons) and torque (newton metres, FRD) to follow the velocity and yaw targets.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public (float Thrust, Vector3 Torque) Update(
        in NavigationEstimate estimate, Vector3 velocitySetpointNed, float yawSetpointRadians, float yawRateFeedForward,
        float maxThrustNewtons, float dtSeconds)
    {
        // Velocity loop -> acceleration.
        Vector3 error = velocitySetpointNed - estimate.VelocityNed;
        Vector3 gains = new(_t.VelocityGainPerSecond, _t.VelocityGainPerSecond, _t.VerticalVelocityGainPerSecond);
        Vector3 integralGains = new(_t.VelocityIntegralGainPerSecondSquared, _t.VelocityIntegralGainPerSecondSquared,
            _t.VerticalVelocityIntegralGainPerSecondSquared);
        Vector3 horizontalSetpoint = velocitySetpointNed with { Z = 0f };
        float quadratic = _p.QuadraticDragNewtonSecondsSquaredPerMetreSquared / _p.MassKilograms * horizontalSetpoint.Length();
        Vector3 acceleration = (gains * error) + _velocityIntegral + ((_dragFeedForwardPerSecond + quadratic) * horizontalSetpoint);
        float maxHorizontal = QuadrotorParameters.StandardGravity * MathF.Tan(_t.MaxTiltRadians);
        var horizontal = new Vector2(acceleration.X, acceleration.Y);
        float horizontalNorm = horizontal.Length();
        bool saturated = horizontalNorm > maxHorizontal;
        if (saturated)
        {
            horizontal *= maxHorizontal / horizontalNorm;
        }

        acceleration = new Vector3(horizontal, Math.Clamp(acceleration.Z, -0.8f * QuadrotorParameters.StandardGravity, 0.7f * QuadrotorParameters.StandardGravity));

        // Integrate only while not saturated and near the setpoint (the drag feed-forward carries transients),
        // so that steps do not wind the integral up into an overshoot; and bound it.
        Vector3 integralStep = integralGains * error * dtSeconds;
        if (saturated || new Vector2(error.X, error.Y).LengthSquared() > 0.25f)
        {
            integralStep = integralStep with { X = 0f, Y = 0f };
        }

        _velocityIntegral = Vector3.Clamp(_velocityIntegral + integralStep, new Vector3(-3f), new Vector3(3f));

        // Thrust vector: the body's down axis points against the wanted specific force.
        Vector3 force = _p.MassKilograms * (acceleration - GravityNed);
        Vector3 bodyDownWanted = -Vector3.Normalize(force);
        Vector3 bodyDownNow = Vector3.Transform(Vector3.UnitZ, estimate.AttitudeFrdToNed);
        float thrust = Math.Clamp(-Vector3.Dot(force, bodyDownNow), 0.05f * _p.HoverThrustNewtons, maxThrustNewtons);
        CollectiveThrustNewtons = thrust;

        // Attitude loop -> body rates.
        Quaternion wanted = AttitudeFromDownAndYaw(bodyDownWanted, yawSetpointRadians);
        Quaternion errorQ = Quaternion.Conjugate(estimate.AttitudeFrdToNed) * wanted;
        if (errorQ.W < 0f)
        {
            errorQ = Quaternion.Negate(errorQ);
        }

        var errorAngles = new Vector3(errorQ.X, errorQ.Y, errorQ.Z) * 2f;
        Vector3 rateSetpoint = new Vector3(_t.AttitudeGainPerSecond, _t.AttitudeGainPerSecond, _t.YawGainPerSecond) * errorAngles;
        Vector3 yawFeedForwardFrd = Vector3.Transform(new Vector3(0f, 0f, yawRateFeedForward), Quaternion.Conjugate(estimate.AttitudeFrdToNed));
        rateSetpoint += yawFeedForwardFrd;
        rateSetpoint = Vector3.Clamp(rateSetpoint,
            new Vector3(-_t.MaxRollPitchRateRadiansPerSecond, -_t.MaxRollPitchRateRadiansPerSecond, -_t.MaxYawRateRadiansPerSecond),
            new Vector3(_t.MaxRollPitchRateRadiansPerSecond, _t.MaxRollPitchRateRadiansPerSecond, _t.MaxYawRateRadiansPerSecond));

        // Rate loop -> torque.
        Vector3 rateError = rateSetpoint - estimate.AngularRateFrd;
        _rateIntegral = Vector3.Clamp(_rateIntegral + (_t.RateIntegralGainPerSecondSquared * rateError * dtSeconds), new Vector3(-2f), new Vector3(2f));
        Vector3 inertia = _p.InertiaFrdKilogramSquareMetres;
        Vector3 angularAcceleration = (new Vector3(_t.RateGainPerSecond, _t.RateGainPerSecond, _t.YawRateGainPerSecond) * rateError) + _rateIntegral;
        Vector3 omega = estimate.AngularRateFrd;
        Vector3 torque = (inertia * angularAcceleration) + Vector3.Cross(omega, inertia * omega);
        return (thrust, torque);
    }

    /// <summary>The body-to-NED attitude whose down axis is <paramref name="bodyDownNed"/> and whose nose points along <paramref name="yawRadians"/>.</summary>
    internal static Quaternion AttitudeFromDownAndYaw(Vector3 bodyDownNed, float yawRadians)
    {
        var heading = new Vector3(MathF.Cos(yawRadians), MathF.Sin(yawRadians), 0f);
        Vector3 right = Vector3.Cross(bodyDownNed, heading);
        float length = right.Length();
        right = length > 1e-4f ? right / length : new Vector3(-MathF.Sin(yawRadians), MathF.Cos(yawRadians), 0f);
        Vector3 forward = Vector3.Cross(right, bodyDownNed);

        // System.Numerics uses row vectors: the rows are the images of the body axes.
        var rotation = new Matrix4x4(
            forward.X, forward.Y, forward.Z, 0f,
            right.X, right.Y, right.Z, 0f,
            bodyDownNed.X, bodyDownNed.Y, bodyDownNed.Z, 0f,
            0f, 0f, 0f, 1f);
        return Quaternion.Normalize(Quaternion.CreateFromRotationMatrix(rotation));
    }
}
