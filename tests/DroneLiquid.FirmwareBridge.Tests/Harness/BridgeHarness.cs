using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Numerics;
using DroneLiquid.Mavlink.Connection;
using DroneLiquid.Mavlink.Transports;
using DroneLiquid.Sim.Autopilot;
using DroneLiquid.Sim.Scenarios;
using DroneLiquid.Sim.Simulation;
using DroneLiquid.Sim.Worlds;

namespace DroneLiquid.FirmwareBridge.Tests.Harness;

/// <summary>
/// An autopilot emulator on real loopback sockets (PX4: UDP, ArduPilot: TCP, ephemeral ports) run faster than real
/// time, and the companion side as the service runs it: a <see cref="MavlinkConnection"/> (sysid 1, compid 191) on
/// the simulation's clock with the adapter <see cref="AutopilotConnector"/> chose. Every wait is in simulated time,
/// bounded in wall time by <see cref="Token"/> so a stuck scenario fails instead of hanging.
/// </summary>
internal sealed class BridgeHarness : IAsyncDisposable
{
    /// <summary>Simulation speed-up: fast enough to keep the suite short, slow enough for a loaded 2-core machine.</summary>
    public const double Speed = 10;

    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _wallLimit = new(TimeSpan.FromSeconds(120));
    private Task<EmulatorRunResult>? _loop;

    private BridgeHarness(AutopilotEmulator emulator, MavlinkConnection connection, int companionUdpPort)
    {
        Emulator = emulator;
        Connection = connection;
        CompanionUdpPort = companionUdpPort;
    }

    public AutopilotEmulator Emulator { get; }

    public MavlinkConnection Connection { get; }

    public AutopilotAdapter Autopilot { get; private set; } = null!;

    /// <summary>The UDP port the companion listens on (PX4 only; 0 for ArduPilot's TCP).</summary>
    public int CompanionUdpPort { get; }

    /// <summary>Cancelled after two minutes of wall time.</summary>
    public CancellationToken Token => _wallLimit.Token;

    public double Now => Emulator.World.ElapsedSeconds;

    public ConcurrentQueue<ModeChange> ModeChanges { get; } = new();

    public ConcurrentQueue<AutopilotNotice> Notices { get; } = new();

    /// <summary>SET_POSITION_TARGET_LOCAL_NED frames the emulator has received from the companion, whatever it did with them.</summary>
    public long SetpointsReceived => Emulator.AcceptedSetpoints + Emulator.IgnoredSetpoints + Emulator.RejectedSetpoints;

    public static Scenario GroundScenario() => new()
    {
        World = WorldKind.Empty,
        Seed = 7,
        TargetNed = new Vector3(500, 0, -5),
        TimeLimitSeconds = 3600,
        SuccessRadiusMetres = 0.5f,
    };

    public static async Task<BridgeHarness> StartAsync(AutopilotKind kind, EmulatorOptions? emulatorOptions = null, AutopilotOptions? options = null)
    {
        var world = new SimWorld(GroundScenario());
        ITransport serverTransport;
        ITransport clientTransport;
        AutopilotEmulator emulator;
        int companionPort = 0;
        if (kind == AutopilotKind.Px4)
        {
            companionPort = FreeUdpPort();
            serverTransport = AutopilotEmulatorFactory.CreateTransport(kind, listenPort: 0, px4PeerPort: companionPort, bind: IPAddress.Loopback);
            clientTransport = new UdpServerTransport($"udpin://127.0.0.1:{companionPort}", new IPEndPoint(IPAddress.Loopback, companionPort));
            emulator = AutopilotEmulatorFactory.Create(kind, world, serverTransport, emulatorOptions);
            await emulator.StartAsync();
        }
        else
        {
            serverTransport = AutopilotEmulatorFactory.CreateTransport(kind, listenPort: 0, bind: IPAddress.Loopback);
            emulator = AutopilotEmulatorFactory.Create(kind, world, serverTransport, emulatorOptions);
            await emulator.StartAsync();
            int port = ((TcpServerTransport)serverTransport).LocalEndPoint!.Port;
            clientTransport = new TcpClientTransport($"tcpout://127.0.0.1:{port}", "127.0.0.1", port);
        }

        var connection = new MavlinkConnection(clientTransport, new MavlinkConnectionOptions(), world.Clock);
        var harness = new BridgeHarness(emulator, connection, companionPort);
        await connection.StartAsync();
        harness._loop = EmulatorLoop.RunAsync(emulator, Speed, TimeProvider.System, cancellationToken: harness._stop.Token);
        harness.Autopilot = await AutopilotConnector.ConnectAsync(connection, options, cancellationToken: harness.Token);
        harness.Autopilot.ModeChanged += harness.ModeChanges.Enqueue;
        harness.Autopilot.Notice += harness.Notices.Enqueue;
        return harness;
    }

    /// <summary>Ready, armed, at <paramref name="altitudeMetres"/> and in velocity control; returns the simulated time control began.</summary>
    public async Task<double> TakeControlAsync(float altitudeMetres = 5)
    {
        await Autopilot.WaitReadyAsync(TimeSpan.FromSeconds(60), Token);
        await Autopilot.ArmAsync(Token);
        await Autopilot.TakeoffAsync(altitudeMetres, Token);
        await Autopilot.StartVelocityControlAsync(Token);
        return Now;
    }

    /// <summary>Waits <paramref name="simSeconds"/> of simulated time.</summary>
    public async Task WaitAsync(double simSeconds)
    {
        await Emulator.DelayAsync(simSeconds).WaitAsync(Token);
        if (_loop is { IsCompleted: true })
        {
            await _loop; // surface a crash of the loop
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds, checking every 50 ms of simulated time; false after <paramref name="simSeconds"/>.</summary>
    public async Task<bool> WaitUntilAsync(Func<bool> condition, double simSeconds)
    {
        double deadline = Now + simSeconds;
        while (!condition())
        {
            if (Now >= deadline)
            {
                return false;
            }

            await WaitAsync(0.05);
        }

        return true;
    }

    /// <summary>Calls <see cref="IAutopilot.SendVelocity"/> at <paramref name="rateHz"/> (simulated) for <paramref name="simSeconds"/>; returns the results.</summary>
    public async Task<List<SetpointResult>> FlyAsync(VelocitySetpoint setpoint, double simSeconds, double rateHz = 20)
    {
        var results = new List<SetpointResult>();
        double end = Now + simSeconds;
        while (Now < end)
        {
            results.Add(Autopilot.SendVelocity(in setpoint));
            await WaitAsync(1 / rateHz);
        }

        return results;
    }

    public async ValueTask DisposeAsync()
    {
        await Autopilot.DisposeAsync();
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }

        await Connection.DisposeAsync();
        await Emulator.DisposeAsync();
        _stop.Dispose();
        _wallLimit.Dispose();
    }

    private static int FreeUdpPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
