namespace DroneLiquid.FirmwareBridge;

/// <summary>
/// A step of the autopilot dialogue failed: a command was refused or unanswered, a mode was acknowledged but
/// never shown in the HEARTBEAT, the vehicle never became ready. The message names the step, what was sent and
/// what came back (the COMMAND_ACK result, the mode seen, the last autopilot notice).
/// </summary>
public sealed class AutopilotException : Exception
{
    public AutopilotException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
