using System.Collections.Concurrent;
using System.Net;
using DroneLiquid.Flight.Failsafe;
using DroneLiquid.Service.Host;
using DroneLiquid.Service.Host.Loopback;
using DroneLiquid.Service.Tests.Fakes;
using DroneLiquid.Sim.Autopilot;
using DroneLiquid.Sim.Autopilot.Px4;
using DroneLiquid.Sim.Autopilot.Sitl;
using DroneLiquid.Sim.Simulation;
using DroneLiquid.Sim.Worlds;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DroneLiquid.EndToEnd.Tests.Host;

/// <summary>
/// `droneliquid run`'s host against the emulated PX4 under a fake systemd (a real AF_UNIX NOTIFY_SOCKET): READY=1,
/// watchdog pings while the tick is healthy, and a graceful stop that puts the vehicle in Hold before STOPPING=1.
/// </summary>
public sealed class RunHostTests : IDisposable
{
    private readonly FakeFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_graceful_stop_holds_the_vehicle_then_stops_streaming_then_says_STOPPING()
    {
        using var notify = new FakeNotifySocket();
        var world = new SimWorld(SitlScenario.Create(WorldKind.Empty, 7, 600), new SimWorldOptions { StopOnEpisodeEnd = false });
        int port = SimFlight.FreeUdpPort();
        await using AutopilotEmulator emulator = AutopilotEmulatorFactory.Create(AutopilotKind.Px4, world,
            AutopilotEmulatorFactory.CreateTransport(AutopilotKind.Px4, 0, port, IPAddress.Loopback), new EmulatorOptions { Px4ChecksPassAfterSeconds = 1 });
        await emulator.StartAsync();
        using var simStop = new CancellationTokenSource();
        var clock = new LockstepClock(world.Clock, TimeSpan.FromMilliseconds(20));
        // The host is composed as on a vehicle, on the simulation's clock in lockstep with its ticks.
        Task pacer = SimPacer.RunAsync(emulator, 4, null, _ => clock.WaitForTicks(TimeSpan.FromMilliseconds(250)), simStop.Token);

        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DroneLiquid:Autopilot:Connection"] = $"udpin://127.0.0.1:{port}",
            ["DroneLiquid:Policy:Path"] = FakePolicies.WriteGoalSeekingPolicy(_folder.Path),
            ["DroneLiquid:Mission:TargetNorthMetres"] = "40",
            ["DroneLiquid:Recorder:Directory"] = _folder.File("flights"),
            ["DroneLiquid:Stop:Action"] = "Hold",
            ["Logging:LogLevel:Default"] = "Warning",
        }).Build();
        var received = new ConcurrentQueue<(string Message, uint ModeAtArrival, long SetpointsAtArrival)>();
        IHost host;
        var before = (Environment.GetEnvironmentVariable("NOTIFY_SOCKET"), Environment.GetEnvironmentVariable("WATCHDOG_USEC"));
        Environment.SetEnvironmentVariable("NOTIFY_SOCKET", notify.SocketPath);
        Environment.SetEnvironmentVariable("WATCHDOG_USEC", "2000000");
        try
        {
            host = FlightHost.Build(configuration, _folder.Path, clock, session => clock.Follow(() => session.TicksCompleted));
            await host.StartAsync();
        }
        finally
        {
            Environment.SetEnvironmentVariable("NOTIFY_SOCKET", before.Item1);
            Environment.SetEnvironmentVariable("WATCHDOG_USEC", before.Item2);
        }

        using var listening = new CancellationTokenSource();
        Task listener = Task.Run(() =>
        {
            while (!listening.IsCancellationRequested)
            {
                if (notify.Receive(TimeSpan.FromMilliseconds(50)) is { } message)
                {
                    received.Enqueue((message, emulator.CustomMode, emulator.AcceptedSetpoints));
                }
            }
        });

        // Fly until the policy has had the vehicle for a few seconds, then stop the service as systemd would.
        uint offboard = Px4Modes.MainOffboard << 16;
        Assert.True(SpinWait.SpinUntil(() => emulator.CustomMode == offboard && -world.Vehicle.State.PositionNed.Z > 2.5f && world.Vehicle.State.PositionNed.X > 3, TimeSpan.FromSeconds(60)),
            $"the vehicle never flew under the policy (mode 0x{emulator.CustomMode:X8}, position {world.Vehicle.State.PositionNed}; " +
            $"{host.Services.GetRequiredService<FlightWorker>().StartProblem ?? host.Services.GetRequiredService<FlightWorker>().Result?.Outcome.Reason})");
        await host.StopAsync();
        FlightWorker worker = host.Services.GetRequiredService<FlightWorker>();
        long setpointsAfterStop = emulator.AcceptedSetpoints;
        await Task.Delay(500);
        await listening.CancelAsync();
        await listener;
        host.Dispose();
        await simStop.CancelAsync();
        await pacer;

        Assert.NotNull(worker.Result);
        Assert.Equal(FlightState.Holding, worker.Result!.Outcome.FinalState);
        Assert.Equal(setpointsAfterStop, emulator.AcceptedSetpoints);
        var messages = received.ToList();
        Assert.Equal("READY=1", messages[0].Message);
        Assert.Contains(messages, m => m.Message == "WATCHDOG=1");
        var stopping = Assert.Single(messages, m => m.Message.StartsWith("STOPPING=1", StringComparison.Ordinal));
        uint hold = (Px4Modes.SubLoiter << 24) | (Px4Modes.MainAuto << 16);
        Assert.Equal(hold, stopping.ModeAtArrival);
        Assert.Equal(setpointsAfterStop, stopping.SetpointsAtArrival);
    }
}
