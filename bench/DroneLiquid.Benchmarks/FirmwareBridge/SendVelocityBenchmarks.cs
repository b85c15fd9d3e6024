using System.Net;
using System.Net.Sockets;
using System.Numerics;
using BenchmarkDotNet.Attributes;
using DroneLiquid.FirmwareBridge;
using DroneLiquid.Mavlink.Connection;
using DroneLiquid.Mavlink.Transports;
using DroneLiquid.Sim.Autopilot;
using DroneLiquid.Sim.Scenarios;
using DroneLiquid.Sim.Simulation;
using DroneLiquid.Sim.Worlds;

namespace DroneLiquid.Benchmarks.FirmwareBridge;

/// <summary>
/// <see cref="IAutopilot.SendVelocity"/> per call, on a PX4 adapter that reached Offboard through the real dialogue
/// with the PX4 emulator over loopback UDP (ready, arm, take off, offboard entry): the control check, the finite check,
/// SET_POSITION_TARGET_LOCAL_NED built and encoded, handed to the transport. After the dialogue the transport is
/// detached into a sink and the emulator stopped, so the figure is the adapter's cost, not the socket's.
/// Run: dotnet run -c Release --project bench/DroneLiquid.Benchmarks -- --filter '*SendVelocityBenchmarks*'
/// </summary>
[Config(typeof(InProcessShortRunConfig))]
public class SendVelocityBenchmarks
{
    private const int CallsPerInvoke = 10_000;

    private static readonly VelocitySetpoint Body = new(SetpointFrame.BodyHeading, 2f, 0.5f, -0.2f, 0.1f);
    private static readonly VelocitySetpoint NonFinite = Body with { Y = float.NaN };

    private MavlinkConnection _connection = null!;
    private AutopilotAdapter _autopilot = null!;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup()
    {
        _autopilot.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _connection.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(OperationsPerInvoke = CallsPerInvoke, Description = "SendVelocity, body frame, sent (per call)")]
    public int Send()
    {
        int sent = 0;
        for (int i = 0; i < CallsPerInvoke; i++)
        {
            sent += _autopilot.SendVelocity(in Body) == SetpointResult.Sent ? 1 : 0;
        }

        return sent;
    }

    [Benchmark(OperationsPerInvoke = CallsPerInvoke, Description = "SendVelocity, NaN field, rejected (per call)")]
    public int Reject()
    {
        int rejected = 0;
        for (int i = 0; i < CallsPerInvoke; i++)
        {
            rejected += _autopilot.SendVelocity(in NonFinite) == SetpointResult.Rejected ? 1 : 0;
        }

        return rejected;
    }

    private async Task SetupAsync()
    {
        var world = new SimWorld(new Scenario { World = WorldKind.Empty, Seed = 7, TargetNed = new Vector3(500, 0, -5), TimeLimitSeconds = 3600, SuccessRadiusMetres = 0.5f });
        int companionPort = FreeUdpPort();
        ITransport server = AutopilotEmulatorFactory.CreateTransport(AutopilotKind.Px4, listenPort: 0, px4PeerPort: companionPort, bind: IPAddress.Loopback);
        AutopilotEmulator emulator = AutopilotEmulatorFactory.Create(AutopilotKind.Px4, world, server, new EmulatorOptions { Px4ChecksPassAfterSeconds = 0 });
        await emulator.StartAsync();
        var transport = new DetachableTransport(new UdpServerTransport($"udpin://127.0.0.1:{companionPort}", new IPEndPoint(IPAddress.Loopback, companionPort)));
        _connection = new MavlinkConnection(transport, new MavlinkConnectionOptions(), world.Clock);
        await _connection.StartAsync();
        using var stop = new CancellationTokenSource();
        Task<EmulatorRunResult> loop = EmulatorLoop.RunAsync(emulator, 20, TimeProvider.System, cancellationToken: stop.Token);
        _autopilot = await AutopilotConnector.ConnectAsync(_connection);
        await _autopilot.WaitReadyAsync(TimeSpan.FromSeconds(30));
        await _autopilot.ArmAsync();
        await _autopilot.TakeoffAsync(2);
        await _autopilot.StartVelocityControlAsync();
        transport.Detach();
        await stop.CancelAsync();
        await loop;
        await emulator.DisposeAsync();
        if (!_autopilot.InVelocityControl || _autopilot.SendVelocity(in Body) != SetpointResult.Sent)
        {
            throw new InvalidOperationException("the PX4 adapter did not reach velocity control");
        }
    }

    private static int FreeUdpPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
