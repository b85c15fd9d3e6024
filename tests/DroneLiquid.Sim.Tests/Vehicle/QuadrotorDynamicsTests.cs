using System.Numerics;
using DroneLiquid.Sim.Frames;
using DroneLiquid.Sim.Vehicle;

namespace DroneLiquid.Sim.Tests.Vehicle;

public class QuadrotorDynamicsTests
{
    private const float Dt = 0.0025f;
    private static readonly QuadrotorParameters Params = new();

    private static float HoverSpeed(QuadrotorParameters p) => MathF.Sqrt(p.HoverThrustNewtons / (4f * p.ThrustCoefficient));

    private static QuadrotorDynamics InAir(QuadrotorParameters p, float altitude, Quaternion attitude, float motorSpeed)
    {
        var state = QuadrotorState.AtRest(new Vector3(0f, 0f, -altitude), 0f);
        state.AttitudeFrdToNed = attitude;
        state.MotorSpeedsRadiansPerSecond = new Vector4(motorSpeed);
        return new QuadrotorDynamics(p, state);
    }

    private static void Run(QuadrotorDynamics d, float seconds, float motorSpeed, QuadrotorParameters p)
    {
        for (int i = 0; i < (int)(seconds / Dt); i++)
        {
            d.SetThrottles(new Vector4(motorSpeed / p.MaxMotorSpeedRadiansPerSecond), 1f, armed: true);
            d.Step(Dt, Vector3.Zero);
        }
    }

    [Fact]
    public void Hovers_at_the_thrust_that_balances_the_weight()
    {
        float hover = HoverSpeed(Params);
        QuadrotorDynamics d = InAir(Params, 10f, Quaternion.Identity, hover);
        Assert.Equal(Params.HoverThrustNewtons, d.TotalThrustNewtons, 3);

        Run(d, 5f, hover, Params);

        Assert.InRange(d.State.VelocityNed.Length(), 0f, 1e-3f);
        Assert.InRange(MathF.Abs(d.State.PositionNed.Z + 10f), 0f, 1e-3f);
        Assert.InRange(d.State.AngularRateFrd.Length(), 0f, 1e-4f);
    }

    [Fact]
    public void Falls_at_g_with_the_motors_stopped()
    {
        QuadrotorParameters noDrag = Params with { LinearDragNewtonSecondsPerMetre = 0f, QuadraticDragNewtonSecondsSquaredPerMetreSquared = 0f };
        QuadrotorDynamics d = InAir(noDrag, 50f, Quaternion.Identity, 0f);
        for (int i = 0; i < 400; i++)
        {
            d.SetThrottles(Vector4.Zero, 1f, armed: false);
            d.Step(Dt, Vector3.Zero);
        }

        // One second of free fall: v = g t, d = g t^2 / 2.
        Assert.Equal(QuadrotorParameters.StandardGravity, d.State.VelocityNed.Z, 3);
        Assert.Equal(50f - (0.5f * QuadrotorParameters.StandardGravity), d.State.AltitudeMetres, 2);
        Assert.Equal(QuadrotorParameters.StandardGravity, d.AccelerationNed.Z, 3);

        // With drag the start of the fall is still at g (air speed is still small).
        QuadrotorDynamics withDrag = InAir(Params, 50f, Quaternion.Identity, 0f);
        withDrag.SetThrottles(Vector4.Zero, 1f, armed: false);
        withDrag.Step(Dt, Vector3.Zero);
        Assert.Equal(QuadrotorParameters.StandardGravity, withDrag.AccelerationNed.Z, 1);
    }

    [Fact]
    public void Drag_limits_the_top_speed_where_it_balances_the_thrust()
    {
        // Tilted 20 degrees nose down with the vertical thrust balancing the weight: the horizontal force
        // m g tan(theta) accelerates the vehicle until linear + quadratic drag balances it.
        float pitch = -20f * MathF.PI / 180f;
        Quaternion attitude = new EulerAngles(0f, pitch, 0f).ToQuaternion();
        float speed = MathF.Sqrt(Params.HoverThrustNewtons / MathF.Cos(pitch) / (4f * Params.ThrustCoefficient));
        QuadrotorDynamics d = InAir(Params, 100f, attitude, speed);

        Run(d, 20f, speed, Params);
        float afterTwenty = d.State.VelocityNed.X;
        Run(d, 5f, speed, Params);

        float force = Params.HoverThrustNewtons * MathF.Tan(-pitch);
        float c1 = Params.LinearDragNewtonSecondsPerMetre, c2 = Params.QuadraticDragNewtonSecondsSquaredPerMetreSquared;
        float terminal = (-c1 + MathF.Sqrt((c1 * c1) + (4f * c2 * force))) / (2f * c2);
        Assert.Equal(terminal, d.State.VelocityNed.X, 1);
        Assert.InRange(d.State.VelocityNed.X - afterTwenty, -0.02f, 0.02f);
        Assert.InRange(MathF.Abs(d.State.VelocityNed.Z), 0f, 0.05f);
    }

    [Fact]
    public void Ground_holds_a_resting_vehicle_and_reports_a_fast_touchdown()
    {
        var resting = new QuadrotorDynamics(Params, QuadrotorState.AtRest(Vector3.Zero, 0.5f));
        for (int i = 0; i < 400; i++)
        {
            resting.SetThrottles(new Vector4(0.3f), 1f, armed: true);
            resting.Step(Dt, new Vector3(3f, 0f, 0f));
        }

        Assert.True(resting.Landed);
        Assert.Equal(0f, resting.State.PositionNed.Z);
        Assert.InRange(resting.State.VelocityNed.Length(), 0f, 1e-4f);
        Assert.Equal(0.5f, EulerAngles.FromQuaternion(resting.State.AttitudeFrdToNed).YawRadians, 3);

        QuadrotorDynamics falling = InAir(Params, 2f, Quaternion.Identity, 0f);
        for (int i = 0; i < 400; i++)
        {
            falling.SetThrottles(Vector4.Zero, 1f, armed: false);
            falling.Step(Dt, Vector3.Zero);
        }

        Assert.True(falling.Landed);
        Assert.Equal(1, falling.TouchdownCount);
        Assert.Equal(MathF.Sqrt(2f * QuadrotorParameters.StandardGravity * 2f), falling.LastTouchdownSpeedMetresPerSecond, 0);
        Assert.Equal(0f, falling.State.PositionNed.Z);
    }

    [Fact]
    public void Motors_follow_their_command_with_a_first_order_lag()
    {
        QuadrotorDynamics d = InAir(Params, 10f, Quaternion.Identity, 0f);
        float tau = Params.MotorTimeConstantSeconds;
        int steps = (int)MathF.Round(tau / Dt);
        for (int i = 0; i < steps; i++)
        {
            d.SetThrottles(new Vector4(0.5f), 1f, armed: true);
            d.Step(Dt, Vector3.Zero);
        }

        // After one time constant: 1 - 1/e of the way to the command.
        float target = 0.5f * Params.MaxMotorSpeedRadiansPerSecond;
        Assert.Equal(target * (1f - MathF.Exp(-1f)), d.State.MotorSpeedsRadiansPerSecond.X, 0);
    }
}
