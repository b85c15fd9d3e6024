using DroneLiquid.Mavlink.Messages;

namespace DroneLiquid.Mavlink.Connection;

/// <summary>The outcome of one command.</summary>
/// <param name="Status">Accepted, rejected, timed out or not sent.</param>
/// <param name="Result">MAV_RESULT of the final ACK (meaningful for Accepted and Rejected).</param>
/// <param name="Progress">Last progress (0-100 %, 255 unknown) reported by an IN_PROGRESS ACK, or the final ACK's.</param>
/// <param name="ResultParam2">The final ACK's result_param2 (command-specific detail).</param>
/// <param name="Attempts">How many times the command was sent.</param>
public readonly record struct CommandResult(CommandStatus Status, MavResult Result, byte Progress, int ResultParam2, int Attempts)
{
    /// <summary>Whether the autopilot accepted the command.</summary>
    public bool IsAccepted => Status == CommandStatus.Accepted;
}
