using DroneLiquid.Sim.Autopilot;

namespace DroneLiquid.Service.Host.Loopback;

/// <summary>
/// Steps an emulator at <c>speed</c> times real time on its own thread until cancelled. Unlike the simulator's own
/// loop it keeps going after the world's episode ends (target reached), because the flight goes on to land; and
/// it lets both receive sides catch up before simulated time moves (the emulator's, as the simulator's loop does,
/// and the service's), so a busy machine does not run the physics ahead of messages that already arrived.
/// </summary>
internal static class SimPacer
{
    private static readonly TimeSpan MaxReceiverWait = TimeSpan.FromMilliseconds(250);

    /// <param name="serviceIdle">True when the service's end has handled everything sent to it (null: not watched).</param>
    public static Task RunAsync(AutopilotEmulator emulator, double speed, Func<bool>? serviceIdle, Action<AutopilotEmulator>? afterStep, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(() => Run(emulator, speed, serviceIdle, afterStep, cancellationToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static void Run(AutopilotEmulator emulator, double speed, Func<bool>? serviceIdle, Action<AutopilotEmulator>? afterStep, CancellationToken cancel)
    {
        TimeProvider wall = TimeProvider.System;
        long start = wall.GetTimestamp();
        double simStart = emulator.World.ElapsedSeconds;
        while (!cancel.IsCancellationRequested)
        {
            long waitStart = wall.GetTimestamp();
            var spin = new SpinWait();
            while ((!emulator.Link.Idle || serviceIdle?.Invoke() == false) && wall.GetElapsedTime(waitStart) < MaxReceiverWait)
            {
                spin.SpinOnce(sleep1Threshold: 20);
            }

            emulator.Step();
            afterStep?.Invoke(emulator);
            double ahead = ((emulator.World.ElapsedSeconds - simStart) / speed) - wall.GetElapsedTime(start).TotalSeconds;
            if (ahead > 0.002)
            {
                Thread.Sleep(TimeSpan.FromSeconds(ahead));
            }
        }
    }
}
