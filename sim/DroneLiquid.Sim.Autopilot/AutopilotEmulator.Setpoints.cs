using DroneLiquid.Sim.Control;
using DroneLiquid.Sim.Frames;

namespace DroneLiquid.Sim.Autopilot;

/// <summary>Giving a decoded setpoint to the flight controller.</summary>
public abstract partial class AutopilotEmulator
{
    /// <summary>Flies <paramref name="setpoint"/> (a velocity or a position); the controller validates once more.</summary>
    protected CommandResult Fly(in Setpoint setpoint)
    {
        FlightController c = World.Controller;
        if (setpoint.Kind == SetpointKind.Position)
        {
            return c.HoldAt(PositionNed.FromVector(setpoint.Vector), setpoint.YawRadians ?? World.Sensors.Estimate.YawRadians);
        }

        if (setpoint.Kind != SetpointKind.Velocity)
        {
            return CommandResult.Denied;
        }

        if (setpoint.BodyFrame)
        {
            return c.SetVelocityBody(VelocityFrd.FromVector(setpoint.Vector), setpoint.YawRateRadiansPerSecond ?? 0f);
        }

        VelocityNed velocity = VelocityNed.FromVector(setpoint.Vector);
        return setpoint.YawRateRadiansPerSecond is { } rate
            ? c.SetVelocityNedYawRate(velocity, rate)
            : c.SetVelocityNed(velocity, setpoint.YawRadians);
    }
}
