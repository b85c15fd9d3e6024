using DroneLiquid.Mavlink.Messages;
using DroneLiquid.Sim.Control;
using CommandResult = DroneLiquid.Sim.Control.CommandResult;

namespace DroneLiquid.Sim.Autopilot.ArduPilot;

/// <summary>ArduCopter's answers to commands: one COMMAND_ACK each; refusals are FAILED (4) with a STATUSTEXT where the real one sends one.</summary>
public sealed partial class ArduPilotEmulator
{
    protected override void HandleCommand(in CommandLongMessage command, byte fromSystem, byte fromComponent, double nowSeconds)
    {
        ushort id = command.Command;
        MavResult result = (MavCmd)id switch
        {
            MavCmd.DoSetMode => ((int)command.Param1 & 1) != 0 && float.IsFinite(command.Param2) && command.Param2 >= 0 && TrySetMode((uint)command.Param2)
                ? MavResult.Accepted
                : MavResult.Failed,
            MavCmd.ComponentArmDisarm => ArmDisarm(command.Param1, command.Param2),
            MavCmd.NavTakeoff => Takeoff(command.Param7),
            MavCmd.NavLand => TrySetMode((uint)CopterMode.Land) ? MavResult.Accepted : MavResult.Failed,
            MavCmd.NavReturnToLaunch => TrySetMode((uint)CopterMode.Rtl) ? MavResult.Accepted : MavResult.Failed,
            _ => MavResult.Unsupported,
        };
        Ack(id, result, fromSystem, fromComponent);
    }

    private MavResult ArmDisarm(float arm, float force)
    {
        FlightController c = World.Controller;
        if (arm == 1f)
        {
            if (c.Armed)
            {
                return MavResult.Accepted;
            }

            if (!_estimatorReady && force != ForceMagic)
            {
                StatusText(MavSeverity.Critical, "Arm: Need Position Estimate");
                return MavResult.Failed;
            }

            if (c.Arm() != CommandResult.Accepted)
            {
                StatusText(MavSeverity.Critical, "Arm: Vehicle not landed");
                return MavResult.Failed;
            }

            StatusText(MavSeverity.Info, "Arming motors");
            return MavResult.Accepted;
        }

        if (arm != 0f)
        {
            return MavResult.Failed;
        }

        if (!c.Armed)
        {
            return MavResult.Accepted;
        }

        return c.Disarm(force: force == ForceMagic) == CommandResult.Accepted ? MavResult.Accepted : MavResult.Failed;
    }

    private MavResult Takeoff(float altitudeMetres)
    {
        FlightController c = World.Controller;
        if (_mode != CopterMode.Guided || !c.Armed || !float.IsFinite(altitudeMetres))
        {
            return MavResult.Failed; // observed: NAV_TAKEOFF outside GUIDED gave ACK 4
        }

        return c.Takeoff(altitudeMetres) == CommandResult.Accepted ? MavResult.Accepted : MavResult.Failed;
    }
}
