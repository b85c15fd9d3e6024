using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Numerics;
using DroneLiquid.Mavlink;
using DroneLiquid.Mavlink.Connection;
using DroneLiquid.Mavlink.Messages;
using DroneLiquid.Mavlink.Transports;
using DroneLiquid.Sim.Scenarios;
using DroneLiquid.Sim.Simulation;
using DroneLiquid.Sim.Worlds;

namespace DroneLiquid.Sim.Autopilot.Sitl;

/// <summary>
/// Measures how much faster than real time the emulator runs with MAVLink in the loop: a hovering vehicle, the
/// default telemetry (PX4) or every stream at 50 Hz (ArduPilot) going to a loopback client that parses it, and a
/// 20 Hz velocity setpoint stream coming back, with the simulation free-running (speed 0).
/// </summary>
public static class LinkBenchmark
{
    public static async Task<LinkBenchmarkResult> RunAsync(AutopilotKind kind, double simSeconds, TimeProvider wallClock, CancellationToken cancellationToken = default)
    {
        var world = new SimWorld(new Scenario { World = WorldKind.Empty, Seed = 1, StartNed = new Vector3(0, 0, -5), TargetNed = new Vector3(1000, 0, -5), TimeLimitSeconds = simSeconds + 60 });
        ITransport server;
        ITransport? clientTransport = null;
        int udpPort = 0;
        if (kind == AutopilotKind.Px4)
        {
            using (var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
            {
                probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                udpPort = ((IPEndPoint)probe.LocalEndPoint!).Port;
            }

            server = AutopilotEmulatorFactory.CreateTransport(kind, 0, udpPort, IPAddress.Loopback);
            clientTransport = new UdpServerTransport($"udpin://127.0.0.1:{udpPort}", new IPEndPoint(IPAddress.Loopback, udpPort));
        }
        else
        {
            server = AutopilotEmulatorFactory.CreateTransport(kind, 0, bind: IPAddress.Loopback);
        }

        await using AutopilotEmulator emulator = AutopilotEmulatorFactory.Create(kind, world, server, new EmulatorOptions { ArduPilotReadyAfterSeconds = 0.1, Px4ChecksPassAfterSeconds = 0.1 });
        await emulator.StartAsync(cancellationToken).ConfigureAwait(false);
        if (clientTransport is null)
        {
            int port = ((TcpServerTransport)server).LocalEndPoint!.Port;
            clientTransport = new TcpClientTransport($"tcpout://127.0.0.1:{port}", "127.0.0.1", port);
        }

        await using var client = new MavlinkConnection(clientTransport, new MavlinkConnectionOptions { SystemId = 255, ComponentId = 190 });
        long received = 0;
        client.AddRawFrameHandler((in MavlinkFrame _, MavlinkFrameVerdict verdict) =>
        {
            if (verdict == MavlinkFrameVerdict.Ok)
            {
                Interlocked.Increment(ref received);
            }
        });
        await client.StartAsync(cancellationToken).ConfigureAwait(false);
        using var warmup = new CancellationTokenSource();
        Task<EmulatorRunResult> boot = EmulatorLoop.RunAsync(emulator, 1, wallClock, cancellationToken: warmup.Token);
        await client.WaitForAutopilotAsync(TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
        using var commands = new CommandClient(client);
        if (kind == AutopilotKind.ArduPilot)
        {
            await commands.RequestDataStreamAsync(1, 1, MavDataStream.All, 50, cancellationToken: cancellationToken).ConfigureAwait(false);
            await commands.SendLongAsync(1, 1, MavCmd.DoSetMode, 1, 4, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        await warmup.CancelAsync().ConfigureAwait(false);
        await boot.ConfigureAwait(false);

        var setpoint = new SetPositionTargetLocalNedMessage { TargetSystem = 1, TargetComponent = 1, CoordinateFrame = 1, TypeMask = Setpoint.VelocityOnlyMask, Vx = 0.5f };
        using ITimer stream = world.Clock.CreateTimer(_ =>
        {
            ValueTask<bool> send = client.SendAsync(in setpoint);
            if (!send.IsCompleted)
            {
                _ = send.AsTask();
            }
        }, null, TimeSpan.Zero, TimeSpan.FromMilliseconds(50));

        long sentBefore = emulator.Connection.FramesSent;
        long receivedBefore = Interlocked.Read(ref received);
        long setpointsBefore = emulator.AcceptedSetpoints;
        TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        EmulatorRunResult run = await EmulatorLoop.RunAsync(emulator, 0, wallClock, world.ElapsedSeconds + simSeconds, cancellationToken).ConfigureAwait(false);
        TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        return new LinkBenchmarkResult(kind.ToString().ToLowerInvariant(), Math.Round(run.SimSeconds, 3), Math.Round(run.WallSeconds, 3), Math.Round(run.SpeedUp, 1),
            Math.Round(cpu.TotalSeconds, 3), emulator.Connection.FramesSent - sentBefore, Interlocked.Read(ref received) - receivedBefore,
            emulator.AcceptedSetpoints - setpointsBefore, Environment.ProcessorCount);
    }
}
