using System.Diagnostics;
using DroneLiquid.Mavlink.Connection;
using DroneLiquid.Sim.Autopilot;

namespace DroneLiquid.Tests.Shared;

/// <summary>
/// An emulator loop's <c>afterStep</c>: lets the companion's receive side catch up with what the emulator has sent
/// (at most <see cref="Limit"/> of wall time a step), as the emulator loop does for its own side. On a loaded machine
/// the simulation would otherwise run seconds of simulated time ahead of frames already on the socket, which a real
/// link never does, and a starved receiver's socket buffer overflows and drops datagrams. A frame that never arrives
/// (dropped all the same) is written off after one wait.
/// </summary>
internal sealed class PeerCatchUp(MavlinkConnection companion)
{
    public static readonly TimeSpan Limit = TimeSpan.FromMilliseconds(20);

    private long _writtenOff;

    public void AfterStep(AutopilotEmulator emulator)
    {
        long target = emulator.Connection.FramesSent - _writtenOff;
        if (companion.Statistics.FramesReceived >= target)
        {
            return;
        }

        long start = Stopwatch.GetTimestamp();
        var spin = new SpinWait();
        while (companion.Statistics.FramesReceived < target && Stopwatch.GetElapsedTime(start) < Limit)
        {
            spin.SpinOnce(sleep1Threshold: 20);
        }

        _writtenOff += Math.Max(0, target - companion.Statistics.FramesReceived);
    }
}
