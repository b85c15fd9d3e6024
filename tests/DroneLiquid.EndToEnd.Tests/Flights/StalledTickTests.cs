using DroneLiquid.EndToEnd.Tests.Fakes;
using DroneLiquid.Service.Host.Loopback;
using DroneLiquid.Service.Tests.Fakes;
using DroneLiquid.Sim.Autopilot;
using DroneLiquid.Sim.Autopilot.Px4;
using static DroneLiquid.EndToEnd.Tests.Flights.MissionDoneTests;

namespace DroneLiquid.EndToEnd.Tests.Flights;

/// <summary>
/// The whole process hangs in flight (the tick stuck in a call, and the supervisor's stop command stuck too): the
/// setpoint stream stops, nothing is re-sent, and the autopilot's own offboard-loss handling takes over.
/// </summary>
public sealed class StalledTickTests : IDisposable
{
    private readonly FakeFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(AutopilotKind.Px4)]
    [InlineData(AutopilotKind.ArduPilot)]
    public async Task A_hung_process_stops_the_stream_and_the_autopilot_loss_failsafe_engages(AutopilotKind autopilot)
    {
        var interposed = new FakeInterposedAutopilot[1];
        using var hang = new ManualResetEventSlim(false);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var finish = new CancellationTokenSource();
        long setpointsAtHang = -1, setpointsLater = -1;
        bool lossFailsafe = false;
        double speedAfter = double.NaN;
        int sends = 0;

        SimFlightResult result = await FakeFlights.FlyAsync(FakePolicies.WriteGoalSeekingPolicy(_folder.Path), _folder.File("flights"), autopilot, TimeSpan.FromSeconds(60),
            interposed: interposed, lockstepBudget: TimeSpan.FromMilliseconds(2), cancellationToken: finish.Token,
            started: (emulator, session) => FakeFlights.InPolicyControl((e, _, _) =>
            {
                interposed[0].BeforeStop = () => release.Task;
                interposed[0].BeforeSend = () =>
                {
                    if (Interlocked.Increment(ref sends) == 100)
                    {
                        hang.Wait(); // the tick never returns from this call
                    }
                };
                _ = Task.Run(async () =>
                {
                    while (!hang.IsSet && Volatile.Read(ref sends) < 100)
                    {
                        await Task.Delay(5);
                    }

                    double hungAt = e.World.ElapsedSeconds;
                    setpointsAtHang = e.AcceptedSetpoints + e.IgnoredSetpoints;
                    await e.WhenSimTimeAsync(hungAt + 5.5);
                    setpointsLater = e.AcceptedSetpoints + e.IgnoredSetpoints;
                    lossFailsafe = autopilot == AutopilotKind.Px4
                        ? e.CustomMode == ((Px4Modes.SubRtl << 24) | (Px4Modes.MainAuto << 16))
                        : e.CustomMode == 4; // still GUIDED: ArduPilot's loss handling is the GUID_TIMEOUT stop
                    speedAfter = e.World.Vehicle.State.VelocityNed.Length();
                    hang.Set();
                    release.TrySetResult();
                    await finish.CancelAsync();
                });
            })(emulator, session));

        Assert.True(setpointsAtHang >= 0, Describe(result));
        Assert.True(setpointsLater - setpointsAtHang <= 1, $"{setpointsLater - setpointsAtHang} setpoints reached the autopilot while the process hung");
        Assert.True(lossFailsafe, $"{autopilot}: the autopilot's own loss failsafe did not engage; {Describe(result)}");
        if (autopilot == AutopilotKind.ArduPilot)
        {
            Assert.True(speedAfter < 0.5, $"still moving at {speedAfter:0.00} m/s after GUID_TIMEOUT");
        }

        Assert.False(result.Crash);
    }
}
