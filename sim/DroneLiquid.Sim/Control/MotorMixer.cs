using System.Numerics;
using DroneLiquid.Sim.Vehicle;

namespace DroneLiquid.Sim.Control;

/// <summary>
/// Turns a collective thrust and a body torque into four motor throttles by inverting the quad X allocation
/// matrix (computed once). When the demand does not fit, roll/pitch torque is scaled down to what fits around the
/// collective thrust, then yaw torque to what is left, so that thrust and tilt authority survive saturation.
/// </summary>
internal sealed class MotorMixer
{
    private readonly Vector4 _row0, _row1, _row2, _row3;
    private readonly float _thrustCoefficient;
    private readonly float _maxMotorThrust;
    private readonly float _maxSpeed;

    public MotorMixer(QuadrotorParameters p)
    {
        var allocation = new Matrix4x4();
        for (int motor = 0; motor < 4; motor++)
        {
            Vector2 r = p.MotorPositionFrd(motor);
            allocation[0, motor] = 1f;
            allocation[1, motor] = -r.Y;
            allocation[2, motor] = r.X;
            allocation[3, motor] = QuadrotorParameters.MotorSpinSign(motor) * p.TorqueCoefficient / p.ThrustCoefficient;
        }

        if (!Matrix4x4.Invert(allocation, out Matrix4x4 inverse))
        {
            throw new ArgumentException("the motor layout gives a singular allocation matrix");
        }

        _row0 = new Vector4(inverse[0, 0], inverse[0, 1], inverse[0, 2], inverse[0, 3]);
        _row1 = new Vector4(inverse[1, 0], inverse[1, 1], inverse[1, 2], inverse[1, 3]);
        _row2 = new Vector4(inverse[2, 0], inverse[2, 1], inverse[2, 2], inverse[2, 3]);
        _row3 = new Vector4(inverse[3, 0], inverse[3, 1], inverse[3, 2], inverse[3, 3]);
        _thrustCoefficient = p.ThrustCoefficient;
        _maxSpeed = p.MaxMotorSpeedRadiansPerSecond;
        _maxMotorThrust = p.ThrustCoefficient * _maxSpeed * _maxSpeed;
        MaxTotalThrustNewtons = 4f * _maxMotorThrust;
    }

    public float MaxTotalThrustNewtons { get; }

    /// <summary>Throttles (0..1) for the wanted collective thrust (newtons) and body torque (newton metres, FRD).</summary>
    public Vector4 Mix(float thrustNewtons, Vector3 torqueFrd)
    {
        Vector4 collective = Solve(thrustNewtons, Vector3.Zero);
        Vector4 rollPitch = Solve(0f, torqueFrd with { Z = 0f });
        Vector4 yaw = Solve(0f, new Vector3(0f, 0f, torqueFrd.Z));
        Vector4 f = collective + (rollPitch * LargestFittingScale(collective, rollPitch));
        f += yaw * LargestFittingScale(f, yaw);
        f = Vector4.Clamp(f, Vector4.Zero, new Vector4(_maxMotorThrust));
        return Vector4.SquareRoot(f / _thrustCoefficient) / _maxSpeed;
    }

    /// <summary>The largest s in [0, 1] with every motor of base + s * differential within [0, max thrust].</summary>
    private float LargestFittingScale(Vector4 baseThrusts, Vector4 differential)
    {
        float scale = 1f;
        for (int i = 0; i < 4; i++)
        {
            float d = differential[i];
            float c = baseThrusts[i];
            if (d > 0f && c + d > _maxMotorThrust)
            {
                scale = MathF.Min(scale, MathF.Max(0f, (_maxMotorThrust - c) / d));
            }
            else if (d < 0f && c + d < 0f)
            {
                scale = MathF.Min(scale, MathF.Max(0f, -c / d));
            }
        }

        return scale;
    }

    private Vector4 Solve(float thrust, Vector3 torque)
    {
        var w = new Vector4(thrust, torque.X, torque.Y, torque.Z);
        return new Vector4(Vector4.Dot(_row0, w), Vector4.Dot(_row1, w), Vector4.Dot(_row2, w), Vector4.Dot(_row3, w));
    }
}
