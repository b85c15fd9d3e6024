using System.Numerics;
using DroneLiquid.Flight.Envelope;

namespace DroneLiquid.Evaluation.Expert;

/// <summary>
/// The privileged expert: knows the world (through its <see cref="CostToGoMap"/>), the target and the true state, and
/// produces the four commands the policies learn, in the heading frame: velocity_body_forward, velocity_body_right,
/// velocity_body_down (m/s) and yaw_rate (rad/s). It flies at a carrot on the cost-to-go descent a few metres ahead
/// (the farthest point of it in straight-line sight), at a speed scaled down by clearance, by how far the nose is from
/// the direction of travel and near the target; it turns the nose toward the direction of travel (so the forward
/// camera sees where the vehicle goes), holds the cruise height, and rate-limits every command so that it is smooth
/// and learnable. Allocation-free; one per episode (it carries the previous command).
/// </summary>
public sealed class ExpertPilot
{
    /// <summary>Top horizontal speed, m/s.</summary>
    public const float CruiseSpeedMetresPerSecond = 2.5f;

    private const float LookaheadMetres = 4f;
    private const float MinSpeedMetresPerSecond = 0.5f;
    private const float SpeedPerMetreOfClearance = 1.6f;
    private const float AccelerationLimitMetresPerSecondSquared = 2.5f;
    private const float MaxClimbMetresPerSecond = 1f;
    private const float HeightGainPerSecond = 1.0f;
    private const float YawGainPerSecond = 1.8f;
    private const float MaxYawRateRadiansPerSecond = 1.2f;
    private const float YawAccelerationLimitRadiansPerSecondSquared = 4f;
    private const float ApproachDecelerationMetresPerSecondSquared = 1.0f;

    private readonly CostToGoMap _map;
    private readonly float _cruiseDownMetres;
    private Vector3 _velocityNed;
    private float _yawRate;

    public ExpertPilot(CostToGoMap map, float cruiseDownMetres)
    {
        _map = map ?? throw new ArgumentNullException(nameof(map));
        _cruiseDownMetres = cruiseDownMetres;
    }

    /// <summary>The command for the true state now, <paramref name="elapsedSeconds"/> after the previous one.</summary>
    public PolicyCommand Command(Vector3 positionNed, float yawRadians, float elapsedSeconds)
    {
        float dt = Math.Clamp(elapsedSeconds, 1e-3f, 0.5f);
        var here = new Vector2(positionNed.X, positionNed.Y);
        Vector2 toTarget = _map.Target - here;
        float targetDistance = toTarget.Length();

        Vector2 carrot;
        if (targetDistance < 2f)
        {
            carrot = _map.Target;
        }
        else if (!_map.TryCarrot(here, LookaheadMetres, out carrot) && !_map.TryEscape(here, 3f, out carrot))
        {
            carrot = _map.Target;
        }

        Vector2 toCarrot = carrot - here;
        float carrotDistance = toCarrot.Length();
        Vector2 direction = carrotDistance > 1e-3f ? toCarrot / carrotDistance : Vector2.Zero;

        // Speed: bounded by clearance here, by the heading error (turn first, then go) and by the stopping distance.
        float clearance = _map.ClearanceAt(here);
        float speed = MathF.Min(CruiseSpeedMetresPerSecond, MathF.Max(MinSpeedMetresPerSecond, SpeedPerMetreOfClearance * (clearance - 0.35f)));
        float travelYaw = direction == Vector2.Zero ? yawRadians : MathF.Atan2(direction.Y, direction.X);
        float yawError = Wrap(travelYaw - yawRadians);
        speed *= Math.Clamp(MathF.Cos(yawError), 0.25f, 1f);
        speed = MathF.Min(speed, MathF.Sqrt(2f * ApproachDecelerationMetresPerSecondSquared * targetDistance) + 0.3f);
        speed = MathF.Min(speed, 2f * carrotDistance);
        Vector2 horizontal = direction * speed;
        float down = Math.Clamp(HeightGainPerSecond * (_cruiseDownMetres - positionNed.Z), -MaxClimbMetresPerSecond, MaxClimbMetresPerSecond);
        var wanted = new Vector3(horizontal, down);

        Vector3 change = wanted - _velocityNed;
        float maxChange = AccelerationLimitMetresPerSecondSquared * dt;
        if (change.Length() > maxChange)
        {
            change *= maxChange / change.Length();
        }

        _velocityNed += change;
        float yawRate = targetDistance < 1.5f ? 0f : Math.Clamp(YawGainPerSecond * yawError, -MaxYawRateRadiansPerSecond, MaxYawRateRadiansPerSecond);
        _yawRate += Math.Clamp(yawRate - _yawRate, -YawAccelerationLimitRadiansPerSecondSquared * dt, YawAccelerationLimitRadiansPerSecondSquared * dt);

        // NED -> heading frame (rotate by -yaw), as the flight controller rotates body setpoints back.
        var (sin, cos) = MathF.SinCos(yawRadians);
        float forward = (_velocityNed.X * cos) + (_velocityNed.Y * sin);
        float right = (-_velocityNed.X * sin) + (_velocityNed.Y * cos);
        return PolicyCommand.BodyFrd(forward, right, _velocityNed.Z, _yawRate);
    }

    private static float Wrap(float radians) => MathF.IEEERemainder(radians, 2f * MathF.PI);
}
