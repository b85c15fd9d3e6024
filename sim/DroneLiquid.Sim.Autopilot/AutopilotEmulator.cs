using DroneLiquid.Mavlink;
using DroneLiquid.Mavlink.Connection;
using DroneLiquid.Mavlink.Messages;
using DroneLiquid.Mavlink.Transports;
using DroneLiquid.Sim.Autopilot.Link;
using DroneLiquid.Sim.Autopilot.Parameters;
using DroneLiquid.Sim.Autopilot.Telemetry;
using DroneLiquid.Sim.Simulation;

namespace DroneLiquid.Sim.Autopilot;

/// <summary>
/// An autopilot over the in-process simulator, speaking MAVLink through <see cref="MavlinkConnection"/>. Messages
/// are copied off the receive thread and handled in <see cref="Step"/>, in simulated time, together with the
/// physics, the personality's mode logic (<see cref="Update"/>) and the telemetry streams. The connection's
/// HEARTBEAT runs on the simulated clock. A personality (<see cref="Px4.Px4Emulator"/>,
/// <see cref="ArduPilot.ArduPilotEmulator"/>) decides what each command and setpoint does.
/// </summary>
public abstract partial class AutopilotEmulator : IAsyncDisposable
{
    private readonly Lock _inboundGate = new();
    private readonly List<InboundMessage> _inbound = new(256);
    private readonly List<InboundMessage> _handling = new(256);
    private readonly List<EmulatorEvent> _events = [];
    private readonly List<(double Due, TaskCompletionSource Done)> _waiters = [];
    private readonly List<IDisposable> _subscriptions = [];
    private double _latencySeconds;
    private double _latencyUntil = double.NegativeInfinity;
    private double _linkDownUntil = double.NegativeInfinity;
    private double _packetLossUntil = double.NegativeInfinity;
    private long _acceptedSetpoints;
    private long _rejectedSetpoints;
    private long _ignoredSetpoints;

    protected AutopilotEmulator(SimWorld world, ITransport transport, EmulatorOptions? options, MavAutopilot autopilot, ParameterEncoding encoding)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(transport);
        Options = options ?? new EmulatorOptions();
        Options.Validate();
        World = world;
        Link = new ImpairedTransport(transport, Options.LinkSeed);
        Connection = new MavlinkConnection(Link, new MavlinkConnectionOptions
        {
            SystemId = 1,
            ComponentId = 1,
            HeartbeatType = MavType.Quadrotor,
            HeartbeatAutopilot = autopilot,
            LinkLossTimeout = TimeSpan.FromSeconds(60),
        }, world.Clock);
        Telemetry = new TelemetryBuilder(world, GeoOrigin.Default);
        Parameters = new ParameterTable(encoding);
    }

    public EmulatorOptions Options { get; }

    public SimWorld World { get; }

    /// <summary>The link as the emulator sees it, with the injected impairments.</summary>
    public ImpairedTransport Link { get; }

    public MavlinkConnection Connection { get; }

    public ParameterTable Parameters { get; }

    public TelemetryStreams Streams { get; } = new();

    public TelemetryBuilder Telemetry { get; }

    /// <summary>Setpoints flown (or stored to be flown when the mode allows).</summary>
    public long AcceptedSetpoints => Interlocked.Read(ref _acceptedSetpoints);

    /// <summary>Setpoints with NaN, infinite or absurd values: dropped, never given to the controller.</summary>
    public long RejectedSetpoints => Interlocked.Read(ref _rejectedSetpoints);

    /// <summary>Setpoints in a frame/type_mask not flown, or sent outside the mode that flies them: dropped silently.</summary>
    public long IgnoredSetpoints => Interlocked.Read(ref _ignoredSetpoints);

    /// <summary>The HEARTBEAT.custom_mode the vehicle reports now.</summary>
    public abstract uint CustomMode { get; }

    /// <summary>The HEARTBEAT.base_mode the vehicle reports now.</summary>
    public abstract byte BaseMode { get; }

    /// <summary>The HEARTBEAT.system_status the vehicle reports now.</summary>
    public abstract MavState SystemStatus { get; }

    /// <summary>Starts the link (binds or listens) and subscribes to what the autopilot handles.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        _subscriptions.Add(Connection.Subscribe<CommandLongMessage>(OnCommandLong));
        _subscriptions.Add(Connection.Subscribe<CommandIntMessage>(OnCommandInt));
        _subscriptions.Add(Connection.Subscribe<SetPositionTargetLocalNedMessage>(OnSetpoint));
        _subscriptions.Add(Connection.Subscribe<ParamRequestReadMessage>(OnParamRead));
        _subscriptions.Add(Connection.Subscribe<ParamRequestListMessage>(OnParamList));
        _subscriptions.Add(Connection.Subscribe<ParamSetMessage>(OnParamSet));
        _subscriptions.Add(Connection.Subscribe<SetModeMessage>(OnSetMode));
        _subscriptions.Add(Connection.Subscribe<RequestDataStreamMessage>(OnRequestDataStream));
        UpdateHeartbeat();
        await Connection.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Schedules an autopilot/link event (thread-safe; applied in the step at its simulated time).</summary>
    public void Inject(EmulatorEvent e)
    {
        lock (_events)
        {
            int index = _events.Count;
            while (index > 0 && _events[index - 1].TimeSeconds > e.TimeSeconds)
            {
                index--;
            }

            _events.Insert(index, e);
        }
    }

    /// <summary>Completes when simulated time reaches <paramref name="simSeconds"/> (continuations run off the simulation thread).</summary>
    public Task WhenSimTimeAsync(double simSeconds)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters)
        {
            _waiters.Add((simSeconds, done));
        }

        return done.Task;
    }

    /// <summary>Completes after <paramref name="simSeconds"/> of simulated time.</summary>
    public Task DelayAsync(double simSeconds) => WhenSimTimeAsync(World.ElapsedSeconds + simSeconds);

    /// <summary>Advances everything by one step of <see cref="EmulatorOptions.StepSeconds"/>.</summary>
    public void Step()
    {
        double now = World.ElapsedSeconds;
        ApplyEvents(now);
        HandleInbound(now);
        World.Step(Options.StepSeconds);
        now = World.ElapsedSeconds;
        Update(now);
        UpdateHeartbeat();
        EmitTelemetry(now);
        ReleaseWaiters(now);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (IDisposable s in _subscriptions)
        {
            s.Dispose();
        }

        await Connection.DisposeAsync().ConfigureAwait(false);
        lock (_waiters)
        {
            foreach ((double _, TaskCompletionSource done) in _waiters)
            {
                done.TrySetCanceled();
            }

            _waiters.Clear();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>The personality's logic after each physics step: modes, checks, failsafes, notices.</summary>
    protected abstract void Update(double nowSeconds);

    /// <summary>Handles a command (COMMAND_LONG, or COMMAND_INT converted) and sends its COMMAND_ACK(s).</summary>
    protected abstract void HandleCommand(in CommandLongMessage command, byte fromSystem, byte fromComponent, double nowSeconds);

    /// <summary>Handles a decoded setpoint.</summary>
    protected abstract void HandleSetpoint(in Setpoint setpoint, double nowSeconds);

    /// <summary>Handles SET_MODE (msg 11).</summary>
    protected abstract void HandleSetMode(in SetModeMessage message, double nowSeconds);

    /// <summary>Handles REQUEST_DATA_STREAM (ArduPilot); PX4 ignores it.</summary>
    protected virtual void HandleRequestDataStream(in RequestDataStreamMessage message, double nowSeconds)
    {
    }

    /// <summary>Applies a pilot's (RC) mode switch to <paramref name="customMode"/>.</summary>
    protected abstract void PilotModeSwitch(uint customMode, double nowSeconds);

    /// <summary>Whether BODY_OFFSET_NED (9) is flown like BODY_NED (ArduPilot does).</summary>
    protected virtual bool AcceptsBodyOffsetFrame => false;

    protected void CountSetpoint(SetpointKind outcome)
    {
        switch (outcome)
        {
            case SetpointKind.Rejected:
                Interlocked.Increment(ref _rejectedSetpoints);
                break;
            case SetpointKind.Ignored:
                Interlocked.Increment(ref _ignoredSetpoints);
                break;
            default:
                Interlocked.Increment(ref _acceptedSetpoints);
                break;
        }
    }

    /// <summary>Sends a message; a send that cannot complete at once is observed in the background.</summary>
    protected void Send<T>(in T message)
        where T : unmanaged, IMavlinkMessage<T>
    {
        ValueTask<bool> send = Connection.SendAsync(in message);
        if (!send.IsCompleted)
        {
            _ = ObserveAsync(send);
        }
        else
        {
            Observe(send);
        }
    }

    protected void Ack(ushort command, MavResult result, byte toSystem, byte toComponent) =>
        Send(new CommandAckMessage { Command = command, Result = (byte)result, TargetSystem = toSystem, TargetComponent = toComponent });

    private void UpdateHeartbeat() => Connection.SetHeartbeatState(BaseMode, CustomMode, SystemStatus);

    private void ApplyEvents(double now)
    {
        if (now >= _linkDownUntil && Link.Down)
        {
            Link.Down = false;
        }

        if (now >= _packetLossUntil && Link.LossProbability > 0)
        {
            Link.LossProbability = 0;
        }

        if (now >= _latencyUntil)
        {
            _latencySeconds = 0;
        }

        while (true)
        {
            EmulatorEvent e;
            lock (_events)
            {
                if (_events.Count == 0 || _events[0].TimeSeconds > now + 1e-9)
                {
                    return;
                }

                e = _events[0];
                _events.RemoveAt(0);
            }

            switch (e.Kind)
            {
                case EmulatorEventKind.PilotModeSwitch:
                    PilotModeSwitch(e.CustomMode, now);
                    break;
                case EmulatorEventKind.LinkLoss:
                    Link.Down = true;
                    _linkDownUntil = now + e.DurationSeconds;
                    break;
                case EmulatorEventKind.LinkLatency:
                    _latencySeconds = Math.Max(0, e.Value);
                    _latencyUntil = now + e.DurationSeconds;
                    break;
                default:
                    Link.LossProbability = e.Value;
                    _packetLossUntil = now + e.DurationSeconds;
                    break;
            }

            World.Recorder.Add(new Records.FlightEvent(Math.Round(now, 4), EventName(e.Kind), $"{e.Value:0.###} for {e.DurationSeconds:0.##} s, mode {e.CustomMode}", World.Vehicle.State.PositionNed.X, World.Vehicle.State.PositionNed.Y));
        }
    }

    private static string EventName(EmulatorEventKind kind) => kind switch
    {
        EmulatorEventKind.PilotModeSwitch => "pilot_mode_switch",
        EmulatorEventKind.LinkLoss => "link_loss",
        EmulatorEventKind.LinkLatency => "link_latency",
        _ => "packet_loss",
    };

    private void ReleaseWaiters(double now)
    {
        lock (_waiters)
        {
            for (int i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Due <= now + 1e-9)
                {
                    _waiters[i].Done.TrySetResult();
                    _waiters.RemoveAt(i);
                }
            }
        }
    }

    private static void Observe(ValueTask<bool> send)
    {
        try
        {
            send.GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            // Stopping.
        }
    }

    private static async Task ObserveAsync(ValueTask<bool> send)
    {
        try
        {
            await send.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or System.Net.Sockets.SocketException or IOException)
        {
            // Stopping, or a client that went away: the transport counts it.
        }
    }
}
