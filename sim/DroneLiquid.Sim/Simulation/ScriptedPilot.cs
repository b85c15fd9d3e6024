using System.Numerics;
using DroneLiquid.Sim.Control;
using DroneLiquid.Sim.Frames;

namespace DroneLiquid.Sim.Simulation;

/// <summary>
/// A simple scripted pilot for `sim run`: takes off to the target's altitude, then streams velocity setpoints
/// (NED, heading toward the target) straight at the target at up to <see cref="CruiseSpeedMetresPerSecond"/>,
/// slowing inside the last metres. It does not avoid obstacles: that is the policy's job.
/// </summary>
public sealed class ScriptedPilot
{
    private bool _started;

    public ScriptedPilot(float cruiseSpeedMetresPerSecond = 3f)
    {
        if (!float.IsFinite(cruiseSpeedMetresPerSecond) || cruiseSpeedMetresPerSecond <= 0f || cruiseSpeedMetresPerSecond > 12f)
        {
            throw new ArgumentOutOfRangeException(nameof(cruiseSpeedMetresPerSecond), cruiseSpeedMetresPerSecond, "cruise speed must be within (0, 12] m/s");
        }

        CruiseSpeedMetresPerSecond = cruiseSpeedMetresPerSecond;
    }

    public float CruiseSpeedMetresPerSecond { get; }

    /// <summary>Called at the setpoint rate (for example 20 Hz) between steps.</summary>
    public void Update(SimWorld sim)
    {
        FlightController controller = sim.Controller;
        Vector3 target = sim.World.TargetNed;
        if (!_started)
        {
            _started = true;
            if (controller.Landed)
            {
                controller.Takeoff(MathF.Max(1f, -target.Z));
                controller.Arm();
                return;
            }
        }

        if (controller.Mode == FlightMode.Takeoff)
        {
            return;
        }

        Vector3 position = sim.Sensors.Estimate.PositionNed;
        Vector3 toTarget = target - position;
        float distance = toTarget.Length();
        float speed = MathF.Min(CruiseSpeedMetresPerSecond, 0.8f * distance);
        Vector3 velocity = distance > 1e-3f ? toTarget / distance * speed : Vector3.Zero;
        float? yaw = new Vector2(toTarget.X, toTarget.Y).Length() > 1f ? MathF.Atan2(toTarget.Y, toTarget.X) : null;
        controller.SetVelocityNed(VelocityNed.FromVector(velocity), yaw);
    }
}
