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
using DroneLiquid.Tests.Shared;

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

    /// <summary>
    /// <see cref="SetpointsReceived"/> once the frames already on their way have arrived (0.2 s of simulated time): the
    /// count a later one is compared with to show nothing more was sent.
    /// </summary>
    public async Task<long> SettledSetpointsReceivedAsync()
    {
        await WaitAsync(0.2);
        return SetpointsReceived;
    }

    /// <summary>How far the vehicle moved along the heading it had at <paramref name="before"/>, metres.</summary>
    public static float AlongHeadingMetres(in VehicleTelemetry before, in VehicleTelemetry after) =>
        ((after.NorthMetres - before.NorthMetres) * MathF.Cos(before.YawRadians)) + ((after.EastMetres - before.EastMetres) * MathF.Sin(before.YawRadians));

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
        options ??= new AutopilotOptions
        {
            // Simulated seconds; generous because a loaded machine delays the receive thread in wall time while the
            // simulation runs on at 10x.
            HeartbeatTimeout = TimeSpan.FromSeconds(30),
            ModeConfirmTimeout = TimeSpan.FromSeconds(10),
            ArmConfirmTimeout = TimeSpan.FromSeconds(10),
            Commands = new CommandClientOptions { AckTimeout = TimeSpan.FromSeconds(2) },
        };
        var harness = new BridgeHarness(emulator, connection, companionPort);
        await connection.StartAsync();
        for (int i = 0; i < 1000 && clientTransport.State != TransportState.Connected; i++)
        {
            await Task.Delay(10); // TCP: connected before simulated time starts, so the first HEARTBEAT is heard at 0 s
        }

        harness._loop = EmulatorLoop.RunAsync(emulator, Speed, TimeProvider.System, cancellationToken: harness._stop.Token, afterStep: new PeerCatchUp(connection).AfterStep);
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
        StartTick();
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

    /// <summary>
    /// Starts the caller's tick: <see cref="IAutopilot.SendVelocity"/> at <paramref name="rateHz"/> from a timer on the
    /// simulation's clock, as the control tick runs, so the stream keeps its simulated rate however loaded the machine
    /// is. It sends a zero velocity until <see cref="FlyAsync"/> gives it another. Start it before velocity control
    /// starts, as the service does: PX4 falls back to Return if the first setpoint comes later than COM_OF_LOSS_T.
    /// </summary>
    public SetpointTick StartTick(double rateHz = 20) => Tick ??= new SetpointTick(Autopilot, Emulator.World.Clock, rateHz);

    /// <summary>The running tick, if any.</summary>
    public SetpointTick? Tick { get; private set; }

    /// <summary>Stops the caller's tick: from now on nothing calls <see cref="IAutopilot.SendVelocity"/>.</summary>
    public void StopTick()
    {
        Tick?.Dispose();
        Tick = null;
    }

    /// <summary>
    /// Has the tick send <paramref name="setpoint"/> for <paramref name="simSeconds"/> (starting it if needed); returns
    /// each call's result. Afterwards the tick sends zero velocity, or with <paramref name="thenStop"/> stops at once
    /// (the caller going quiet, with the last velocity the last setpoint sent).
    /// </summary>
    public async Task<List<SetpointResult>> FlyAsync(VelocitySetpoint setpoint, double simSeconds, bool thenStop = false)
    {
        SetpointTick tick = StartTick();
        tick.Begin(setpoint);
        await WaitAsync(simSeconds);
        if (thenStop)
        {
            StopTick();
        }

        return tick.End();
    }

    public async ValueTask DisposeAsync()
    {
        StopTick();
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
