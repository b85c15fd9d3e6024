using DroneLiquid.Mavlink.Messages;
using DroneLiquid.Sim.Control;

namespace DroneLiquid.Sim.Autopilot.Px4;

/// <summary>PX4's answers to commands, as observed: one COMMAND_ACK each, except DO_SET_MODE which is acknowledged twice.</summary>
public sealed partial class Px4Emulator
{
    protected override void HandleCommand(in CommandLongMessage command, byte fromSystem, byte fromComponent, double nowSeconds)
    {
        ushort id = command.Command;
        switch ((MavCmd)id)
        {
            case MavCmd.DoSetMode:
            {
                bool ok = ((int)command.Param1 & 1) != 0
                    && float.IsFinite(command.Param2) && float.IsFinite(command.Param3)
                    && Px4Modes.TryDecode((uint)command.Param2, (uint)Math.Max(0, command.Param3), out Px4Mode mode)
                    && TrySwitch(mode, nowSeconds);
                MavResult result = ok ? MavResult.Accepted : MavResult.Failed;
                Ack(id, result, fromSystem, fromComponent);
                Ack(id, result, fromSystem, fromComponent); // PX4 acknowledged every DO_SET_MODE twice, ~5 ms apart
                break;
            }

            case MavCmd.ComponentArmDisarm:
                Ack(id, ArmDisarm(command.Param1, command.Param2, nowSeconds), fromSystem, fromComponent);
                break;
            case MavCmd.NavTakeoff:
                Ack(id, Takeoff(command.Param7), fromSystem, fromComponent);
                break;
            case MavCmd.NavLand:
                TrySwitch(Px4Mode.Land, nowSeconds);
                Ack(id, MavResult.Accepted, fromSystem, fromComponent);
                break;
            case MavCmd.NavReturnToLaunch:
                TrySwitch(Px4Mode.Return, nowSeconds);
                Ack(id, MavResult.Accepted, fromSystem, fromComponent);
                break;
            default:
                Ack(id, MavResult.Unsupported, fromSystem, fromComponent);
                break;
        }
    }

    private MavResult ArmDisarm(float arm, float force, double now)
    {
        FlightController c = World.Controller;
        if (arm == 1f)
        {
            if (c.Armed)
            {
                return MavResult.Accepted;
            }

            if (!ChecksPass(now) || c.Arm() != CommandResult.Accepted)
            {
                SendEvent(Px4EventIds.ArmingDenied);
                if (_mode == Px4Mode.Offboard && !StreamSettled(now, StreamSettleSeconds))
                {
                    SendEvent(Px4EventIds.NoOffboardSignal);
                }

                return MavResult.TemporarilyRejected;
            }

            SendEvent(Px4EventIds.Armed);
            if (_mode == Px4Mode.Offboard && StreamActive(now))
            {
                Fly(in _lastSetpoint);
            }

            return MavResult.Accepted;
        }

        if (arm != 0f)
        {
            return MavResult.Denied;
        }

        if (!c.Armed)
        {
            return MavResult.Accepted;
        }

        if (c.Disarm(force: force == ForceMagic) != CommandResult.Accepted)
        {
            SendEvent(Px4EventIds.DisarmDeniedInAir);
            return MavResult.TemporarilyRejected; // observed: disarm in the air gives ACK 1
        }

        return MavResult.Accepted;
    }

    private MavResult Takeoff(float altitudeAmslMetres)
    {
        float altitude = float.IsFinite(altitudeAmslMetres)
            ? (float)(altitudeAmslMetres - Telemetry.Origin.AltitudeAmslMetres) + World.Controller.HomeNed.Z
            : (float)Parameters.Get("MIS_TAKEOFF_ALT");
        if (!float.IsFinite(altitude) || altitude < 0.5f || altitude > 500f || !World.Controller.Landed)
        {
            return MavResult.Failed;
        }

        _takeoffAltitudeMetres = altitude;
        return TrySwitch(Px4Mode.Takeoff, World.ElapsedSeconds) ? MavResult.Accepted : MavResult.Failed;
    }
}
