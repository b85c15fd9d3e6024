using System.Numerics;

namespace DroneLiquid.Sim.Vehicle;

/// <summary>
/// Physical constants of the simulated quadrotor (a 1.5 kg, 500 mm-class X quad on a 4S battery by default).
/// Motors are numbered as PX4's quad X: 1 front-right and 2 back-left spin counter-clockwise seen from above,
/// 3 front-left and 4 back-right clockwise.
/// </summary>
public sealed record QuadrotorParameters
{
    public const float StandardGravity = 9.80665f;

    /// <summary>Take-off mass, kilograms.</summary>
    public float MassKilograms { get; init; } = 1.5f;

    /// <summary>Diagonal of the inertia tensor about the FRD body axes, kilogram square metres.</summary>
    public Vector3 InertiaFrdKilogramSquareMetres { get; init; } = new(0.029f, 0.029f, 0.055f);

    /// <summary>Distance from the centre to each motor axis, metres (also the collision sphere radius minus the propeller).</summary>
    public float ArmLengthMetres { get; init; } = 0.25f;

    /// <summary>Radius of the sphere that must stay clear of obstacles (arm plus propeller), metres.</summary>
    public float CollisionRadiusMetres { get; init; } = 0.35f;

    /// <summary>Thrust per motor = coefficient times motor speed squared, newtons per (radian per second) squared.</summary>
    public float ThrustCoefficient { get; init; } = 9.0e-6f;

    /// <summary>Reaction torque per motor = coefficient times motor speed squared, newton metres per (radian per second) squared.</summary>
    public float TorqueCoefficient { get; init; } = 1.6e-7f;

    /// <summary>Motor speed at full throttle on a full battery, radians per second.</summary>
    public float MaxMotorSpeedRadiansPerSecond { get; init; } = 1000f;

    /// <summary>Motor speed while armed at zero throttle (props spin, no lift to speak of), radians per second.</summary>
    public float IdleMotorSpeedRadiansPerSecond { get; init; } = 120f;

    /// <summary>First-order lag of each motor's speed toward its command, seconds.</summary>
    public float MotorTimeConstantSeconds { get; init; } = 0.03f;

    /// <summary>Linear drag: force = -(linear + quadratic * |v|) * v on the air-relative velocity, newtons per metre per second.</summary>
    public float LinearDragNewtonSecondsPerMetre { get; init; } = 0.25f;

    /// <summary>Quadratic drag term, newtons per (metre per second) squared.</summary>
    public float QuadraticDragNewtonSecondsSquaredPerMetreSquared { get; init; } = 0.05f;

    /// <summary>Rotational damping torque per unit angular rate, newton metre seconds per radian.</summary>
    public float RotationalDampingNewtonMetreSecondsPerRadian { get; init; } = 0.004f;

    /// <summary>Coulomb friction coefficient between the landing gear and the ground.</summary>
    public float GroundFrictionCoefficient { get; init; } = 0.8f;

    /// <summary>Touching the ground faster than this, or tilted past <see cref="GroundCrashTiltRadians"/>, is a crash, metres per second.</summary>
    public float GroundCrashSpeedMetresPerSecond { get; init; } = 2.5f;

    /// <summary>Tilt beyond which a ground contact is a crash, radians.</summary>
    public float GroundCrashTiltRadians { get; init; } = 1.0f;

    public BatteryParameters Battery { get; init; } = new();

    /// <summary>Motor positions in the FRD body frame (x forward, y right), metres, in PX4 quad X order.</summary>
    public Vector2 MotorPositionFrd(int motor)
    {
        float d = ArmLengthMetres * MathF.Sqrt(0.5f);
        return motor switch
        {
            0 => new Vector2(d, d),
            1 => new Vector2(-d, -d),
            2 => new Vector2(d, -d),
            3 => new Vector2(-d, d),
            _ => throw new ArgumentOutOfRangeException(nameof(motor), motor, "a quadrotor has motors 0..3"),
        };
    }

    /// <summary>+1 for a motor spinning counter-clockwise seen from above (its reaction yaws the body clockwise, positive in FRD), -1 otherwise.</summary>
    public static float MotorSpinSign(int motor) => motor < 2 ? 1f : -1f;

    /// <summary>Total thrust that balances the weight, newtons.</summary>
    public float HoverThrustNewtons => MassKilograms * StandardGravity;

    /// <summary>Checks every value for a physically meaningful range; throws with the property named.</summary>
    public void Validate()
    {
        Require(MassKilograms, 0.05f, 50f, nameof(MassKilograms));
        Require(InertiaFrdKilogramSquareMetres.X, 1e-5f, 10f, "InertiaFrdKilogramSquareMetres.X");
        Require(InertiaFrdKilogramSquareMetres.Y, 1e-5f, 10f, "InertiaFrdKilogramSquareMetres.Y");
        Require(InertiaFrdKilogramSquareMetres.Z, 1e-5f, 10f, "InertiaFrdKilogramSquareMetres.Z");
        Require(ArmLengthMetres, 0.02f, 2f, nameof(ArmLengthMetres));
        Require(CollisionRadiusMetres, ArmLengthMetres, 3f, nameof(CollisionRadiusMetres));
        Require(ThrustCoefficient, 1e-9f, 1e-2f, nameof(ThrustCoefficient));
        Require(TorqueCoefficient, 1e-11f, 1e-3f, nameof(TorqueCoefficient));
        Require(MotorTimeConstantSeconds, 0.001f, 1f, nameof(MotorTimeConstantSeconds));
        Require(MaxMotorSpeedRadiansPerSecond, 10f, 1e5f, nameof(MaxMotorSpeedRadiansPerSecond));
        Require(IdleMotorSpeedRadiansPerSecond, 0f, MaxMotorSpeedRadiansPerSecond, nameof(IdleMotorSpeedRadiansPerSecond));
        Require(LinearDragNewtonSecondsPerMetre, 0f, 100f, nameof(LinearDragNewtonSecondsPerMetre));
        Require(QuadraticDragNewtonSecondsSquaredPerMetreSquared, 0f, 100f, nameof(QuadraticDragNewtonSecondsSquaredPerMetreSquared));
        float maxThrust = 4f * ThrustCoefficient * MaxMotorSpeedRadiansPerSecond * MaxMotorSpeedRadiansPerSecond;
        if (maxThrust < 1.2f * HoverThrustNewtons)
        {
            throw new ArgumentException(
                $"QuadrotorParameters: full thrust {maxThrust:F1} N must be at least 1.2 x the weight {HoverThrustNewtons:F1} N to fly");
        }

        Battery.Validate();
    }

    internal static void Require(float value, float min, float max, string name)
    {
        if (!float.IsFinite(value) || value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be within [{min}, {max}], got {value}");
        }
    }
}
