using System.Diagnostics;
using System.Net;
using DroneLiquid.Mavlink.Transports;
using DroneLiquid.Sim.Autopilot.Tests.Harness;
using DroneLiquid.Sim.Simulation;

namespace DroneLiquid.Sim.Autopilot.Tests;

/// <summary>The loop's pacing after a stall: catch up a little, pause simulated time for a long stall.</summary>
public sealed class EmulatorLoopTests
{
    private const double Speed = 10;

    [Fact]
    public async Task A_stall_beyond_the_catch_up_limit_pauses_simulated_time_instead_of_sending_a_burst()
    {
        (EmulatorRunResult run, double realSecondsAfterStall) = await RunWithStall(maxLagSeconds: 0.05);

        Assert.True(run.Stalls >= 1, $"stalls {run.Stalls}");
        Assert.True(run.PausedWallSeconds >= 0.45, $"paused {run.PausedWallSeconds} s");
        // The 1.5 simulated seconds after the stall still take their 0.15 s at 10x; caught up, they ran in a burst.
        Assert.True(realSecondsAfterStall >= 0.12, $"{realSecondsAfterStall} s after the stall");
    }

    [Fact]
    public async Task Without_a_limit_the_loop_catches_up_and_reports_no_pause()
    {
        (EmulatorRunResult run, _) = await RunWithStall(maxLagSeconds: double.PositiveInfinity);

        Assert.Equal(0, run.Stalls);
        Assert.Equal(0, run.PausedWallSeconds);
        Assert.True(run.WallSeconds >= 0.5, $"wall {run.WallSeconds} s"); // the stall's half second is in it
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public async Task A_catch_up_limit_that_is_not_positive_is_refused(double maxLag)
    {
        await using AutopilotEmulator emulator = await StartedEmulator();
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = EmulatorLoop.RunAsync(emulator, Speed, TimeProvider.System, maxLagSeconds: maxLag); });
    }

    /// <summary>Runs 2 simulated seconds at 10x; half a simulated second in, the wall clock jumps half a second (a stall).</summary>
    private static async Task<(EmulatorRunResult Run, double RealSecondsAfterStall)> RunWithStall(double maxLagSeconds)
    {
        await using AutopilotEmulator emulator = await StartedEmulator();
        var wall = new JumpingClock();
        double simStart = emulator.World.ElapsedSeconds;
        long stalledAt = 0;
        EmulatorRunResult run = await EmulatorLoop.RunAsync(emulator, Speed, wall, simStart + 2.0, afterStep: e =>
        {
            if (stalledAt == 0 && e.World.ElapsedSeconds - simStart >= 0.5)
            {
                stalledAt = Stopwatch.GetTimestamp();
                wall.Jump(TimeSpan.FromSeconds(0.5));
            }
        }, maxLagSeconds: maxLagSeconds);

        Assert.NotEqual(0, stalledAt);
        return (run, Stopwatch.GetElapsedTime(stalledAt).TotalSeconds);
    }

    private static async Task<AutopilotEmulator> StartedEmulator()
    {
        var world = new SimWorld(EmulatorHarness.GroundScenario());
        ITransport server = AutopilotEmulatorFactory.CreateTransport(AutopilotKind.ArduPilot, listenPort: 0, bind: IPAddress.Loopback);
        AutopilotEmulator emulator = AutopilotEmulatorFactory.Create(AutopilotKind.ArduPilot, world, server);
        await emulator.StartAsync();
        return emulator;
    }

    /// <summary>The real clock plus an offset that only grows: a jump is a stall the loop did not see happen.</summary>
    private sealed class JumpingClock : TimeProvider
    {
        private long _offset;

        public override long TimestampFrequency => Stopwatch.Frequency;

        public override long GetTimestamp() => Stopwatch.GetTimestamp() + Interlocked.Read(ref _offset);

        public void Jump(TimeSpan by) => Interlocked.Add(ref _offset, (long)(by.TotalSeconds * Stopwatch.Frequency));
    }
}
