using DroneLiquid.Sim.Simulation;

namespace DroneLiquid.Sim.Autopilot;

/// <summary>
/// Runs an emulator's steps on a dedicated thread, paced to <c>speed</c> times real time (0 = as fast as the CPU
/// allows), until cancelled, the episode ends (crash, success, time limit) or <c>untilSimSeconds</c> is reached.
/// </summary>
/// <remarks>
/// After a stall (the process paused, the machine overloaded) the loop is behind the wall clock. Up to
/// <c>maxLagSeconds</c> behind it catches up by stepping without sleeping; further behind, simulated time pauses for
/// the rest of the stall instead, as a lockstep SITL does, and the result counts it. Catching up seconds would send
/// seconds of telemetry in one burst, which no real link delivers.
/// </remarks>
public static class EmulatorLoop
{
    public static Task<EmulatorRunResult> RunAsync(AutopilotEmulator emulator, double speed, TimeProvider wallClock,
        double untilSimSeconds = double.PositiveInfinity, CancellationToken cancellationToken = default, Action<AutopilotEmulator>? afterStep = null,
        double maxLagSeconds = double.PositiveInfinity)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        ArgumentNullException.ThrowIfNull(wallClock);
        if (!double.IsFinite(speed) || speed < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(speed), speed, "speed must be 0 (as fast as possible) or a positive factor");
        }

        if (double.IsNaN(maxLagSeconds) || maxLagSeconds <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxLagSeconds), maxLagSeconds, "the lag to catch up must be positive (infinity: always catch up)");
        }

        return Task.Factory.StartNew(() => Run(emulator, speed, wallClock, untilSimSeconds, afterStep, maxLagSeconds, cancellationToken),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    private static EmulatorRunResult Run(AutopilotEmulator emulator, double speed, TimeProvider wall, double until, Action<AutopilotEmulator>? afterStep,
        double maxLag, CancellationToken cancel)
    {
        SimWorld world = emulator.World;
        long start = wall.GetTimestamp();
        double simStart = world.ElapsedSeconds;
        long steps = 0;
        double paused = 0; // wall seconds in which simulated time stood still after stalls
        int stalls = 0;
        while (!cancel.IsCancellationRequested && world.Status == EpisodeStatus.Running && world.ElapsedSeconds < until - 1e-9)
        {
            WaitForReceiver(emulator, wall);
            emulator.Step();
            afterStep?.Invoke(emulator);
            steps++;
            if (speed > 0)
            {
                double ahead = ((world.ElapsedSeconds - simStart) / speed) + paused - wall.GetElapsedTime(start).TotalSeconds;
                if (ahead > 0.002)
                {
                    Thread.Sleep(TimeSpan.FromSeconds(ahead));
                }
                else if (-ahead > maxLag)
                {
                    paused += -ahead;
                    stalls++;
                }
            }
        }

        return new EmulatorRunResult(world.ElapsedSeconds - simStart, wall.GetElapsedTime(start).TotalSeconds, steps, stalls, paused);
    }

    /// <summary>
    /// Lets the receive side catch up before simulated time moves (at most <see cref="MaxReceiverWait"/> of wall time):
    /// on a busy machine the simulation thread would otherwise run seconds of simulated time ahead of messages that
    /// have already arrived, which a real autopilot never does.
    /// </summary>
    private static void WaitForReceiver(AutopilotEmulator emulator, TimeProvider wall)
    {
        if (emulator.Link.Idle)
        {
            return;
        }

        long start = wall.GetTimestamp();
        var spin = new SpinWait();
        while (!emulator.Link.Idle && wall.GetElapsedTime(start) < MaxReceiverWait)
        {
            spin.SpinOnce(sleep1Threshold: 20);
        }
    }

    private static readonly TimeSpan MaxReceiverWait = TimeSpan.FromMilliseconds(50);
}
