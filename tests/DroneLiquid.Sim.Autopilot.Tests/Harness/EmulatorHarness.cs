using System.Collections.Concurrent;
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
using DroneLiquid.Tests.Shared;

namespace DroneLiquid.Sim.Autopilot.Tests.Harness;

/// <summary>
/// An emulator on real loopback sockets (PX4: UDP, ArduPilot: TCP, ephemeral ports) run faster than real time, and
/// a companion client (sysid 255, compid 190, our MAVLink stack) that records every frame with the simulated time
/// it arrived at. Tests wait in simulated time, so they take a few wall seconds at most.
/// </summary>
internal sealed class EmulatorHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task<EmulatorRunResult>? _loop;

    private EmulatorHarness(AutopilotEmulator emulator, MavlinkConnection client)
    {
        Emulator = emulator;
        Client = client;
        Commands = new CommandClient(client);
        Parameters = new ParameterClient(client);
        client.AddRawFrameHandler(OnFrame);
    }

    public AutopilotEmulator Emulator { get; }

    public MavlinkConnection Client { get; }

    public CommandClient Commands { get; }

    public ParameterClient Parameters { get; }

    public double Now => Emulator.World.ElapsedSeconds;

    /// <summary>Every valid frame the client received: message id, simulated arrival time, and the decoded message where kept.</summary>
    public ConcurrentQueue<(uint Id, double SimSeconds)> Received { get; } = new();

    public ConcurrentQueue<(CommandAckMessage Ack, double SimSeconds)> Acks { get; } = new();

    public ConcurrentQueue<(EventMessage Event, double SimSeconds)> Events { get; } = new();

    public ConcurrentQueue<(string Text, byte Severity, double SimSeconds)> StatusTexts { get; } = new();

    public ConcurrentQueue<(HeartbeatMessage Heartbeat, double SimSeconds)> Heartbeats { get; } = new();

    public ConcurrentQueue<(LocalPositionNedMessage Position, double SimSeconds)> Positions { get; } = new();

    public static Scenario GroundScenario() => new()
    {
        World = WorldKind.Empty,
        Seed = 7,
        TargetNed = new Vector3(500, 0, -5),
        TimeLimitSeconds = 3600,
        SuccessRadiusMetres = 0.5f,
    };

    public static async Task<EmulatorHarness> StartAsync(AutopilotKind kind, EmulatorOptions? options = null, double speed = 10)
    {
        var world = new SimWorld(GroundScenario());
        ITransport serverTransport;
        ITransport clientTransport;
        AutopilotEmulator emulator;
        if (kind == AutopilotKind.Px4)
        {
            int clientPort = FreeUdpPort();
            serverTransport = AutopilotEmulatorFactory.CreateTransport(kind, listenPort: 0, px4PeerPort: clientPort, bind: IPAddress.Loopback);
            clientTransport = new UdpServerTransport($"udpin://127.0.0.1:{clientPort}", new IPEndPoint(IPAddress.Loopback, clientPort));
            emulator = AutopilotEmulatorFactory.Create(kind, world, serverTransport, options);
            await emulator.StartAsync();
        }
        else
        {
            serverTransport = AutopilotEmulatorFactory.CreateTransport(kind, listenPort: 0, bind: IPAddress.Loopback);
            emulator = AutopilotEmulatorFactory.Create(kind, world, serverTransport, options);
            await emulator.StartAsync();
            int port = ((TcpServerTransport)serverTransport).LocalEndPoint!.Port;
            clientTransport = new TcpClientTransport($"tcpout://127.0.0.1:{port}", "127.0.0.1", port);
        }

        var client = new MavlinkConnection(clientTransport, new MavlinkConnectionOptions { SystemId = 255, ComponentId = 190 });
        var harness = new EmulatorHarness(emulator, client);
        await client.StartAsync();
        harness._loop = EmulatorLoop.RunAsync(emulator, speed, TimeProvider.System, cancellationToken: harness._stop.Token, afterStep: new PeerCatchUp(client).AfterStep);
        VehicleInfo? vehicle = await client.WaitForAutopilotAsync(TimeSpan.FromSeconds(10));
        Assert.NotNull(vehicle);
        return harness;
    }

    /// <summary>Waits <paramref name="simSeconds"/> of simulated time (bounded in wall time so a stuck loop fails the test).</summary>
    public async Task WaitAsync(double simSeconds)
    {
        Task wait = Emulator.DelayAsync(simSeconds);
        Task done = await Task.WhenAny(wait, Task.Delay(TimeSpan.FromSeconds(30)));
        Assert.True(done == wait, $"the simulation did not reach +{simSeconds} s within 30 s of wall time");
        if (_loop is { IsCompleted: true })
        {
            await _loop; // surface a crash of the loop
        }
    }

    /// <summary>Sends one SET_POSITION_TARGET_LOCAL_NED.</summary>
    public ValueTask<bool> SendSetpointAsync(ushort typeMask, byte frame, float vx = 0, float vy = 0, float vz = 0, float yawRate = 0, float x = 0, float y = 0, float z = 0) =>
        Client.SendAsync(new SetPositionTargetLocalNedMessage
        {
            TargetSystem = 1,
            TargetComponent = 1,
            CoordinateFrame = frame,
            TypeMask = typeMask,
            Vx = vx,
            Vy = vy,
            Vz = vz,
            YawRate = yawRate,
            X = x,
            Y = y,
            Z = z,
            TimeBootMs = (uint)(Now * 1000),
        });

    /// <summary>Starts a setpoint stream on the simulated clock; dispose it to stop.</summary>
    public SetpointStream Stream(Func<Vector3> velocityNed, double rateHz = 20) => new(this, rateHz, velocityNed);

    /// <summary>HEARTBEATs that arrived between two simulated times.</summary>
    public HeartbeatMessage[] HeartbeatsBetween(double fromSimSeconds, double toSimSeconds) =>
        Heartbeats.Where(h => h.SimSeconds >= fromSimSeconds && h.SimSeconds < toSimSeconds).Select(h => h.Heartbeat).ToArray();

    public Task<DroneLiquid.Mavlink.Connection.CommandResult> CommandAsync(MavCmd command, float p1 = 0, float p2 = 0, float p3 = 0, float p7 = 0) =>
        Commands.SendLongAsync(1, 1, command, p1, p2, p3, 0, 0, 0, p7);

    /// <summary>The latest HEARTBEAT the client got after <paramref name="sinceSimSeconds"/>.</summary>
    public HeartbeatMessage LatestHeartbeatSince(double sinceSimSeconds)
    {
        HeartbeatMessage? last = null;
        foreach ((HeartbeatMessage hb, double t) in Heartbeats)
        {
            if (t >= sinceSimSeconds)
            {
                last = hb;
            }
        }

        Assert.True(last.HasValue, $"no HEARTBEAT arrived after {sinceSimSeconds:0.##} s (now {Now:0.##} s)");
        return last.Value;
    }

    /// <summary>How many frames of <paramref name="messageId"/> arrived between two simulated times.</summary>
    public int Count(uint messageId, double fromSimSeconds, double toSimSeconds) =>
        Received.Count(r => r.Id == messageId && r.SimSeconds >= fromSimSeconds && r.SimSeconds < toSimSeconds);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }

        Commands.Dispose();
        Parameters.Dispose();
        await Client.DisposeAsync();
        await Emulator.DisposeAsync();
        _stop.Dispose();
    }

    private static int FreeUdpPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    private void OnFrame(in MavlinkFrame frame, MavlinkFrameVerdict verdict)
    {
        if (verdict != MavlinkFrameVerdict.Ok || frame.SystemId != 1)
        {
            return;
        }

        double now = Now;
        Received.Enqueue((frame.MessageId, now));
        if (frame.TryDecode(out CommandAckMessage ack))
        {
            Acks.Enqueue((ack, now));
        }
        else if (frame.TryDecode(out EventMessage e))
        {
            Events.Enqueue((e, now));
        }
        else if (frame.TryDecode(out StatustextMessage text))
        {
            StatusTexts.Enqueue((text.Text.ToString(), text.Severity, now));
        }
        else if (frame.TryDecode(out HeartbeatMessage hb))
        {
            Heartbeats.Enqueue((hb, now));
        }
        else if (frame.TryDecode(out LocalPositionNedMessage position))
        {
            Positions.Enqueue((position, now));
        }
    }
}
