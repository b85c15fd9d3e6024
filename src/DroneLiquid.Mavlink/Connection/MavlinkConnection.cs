using System.Buffers;
using DroneLiquid.Mavlink.Messages;
using DroneLiquid.Mavlink.Tlog;
using DroneLiquid.Mavlink.Transports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DroneLiquid.Mavlink.Connection;

/// <summary>
/// One MAVLink link: sends our HEARTBEAT at 1 Hz, parses what arrives, discovers vehicles from their
/// heartbeats, watches for silence, and hands decoded messages to typed subscribers. Protocol only: the
/// <see cref="ITransport"/> below moves the bytes. The command and parameter microservices sit on top
/// (<see cref="CommandClient"/>, <see cref="ParameterClient"/>).
/// </summary>
/// <remarks>
/// Handlers and events run on the receive loop's thread (link events from the watchdog timer). The receive loop
/// never ends because of bad input or a throwing handler: each problem is counted and logged at most once per
/// <see cref="MavlinkConnectionOptions.ProblemLogInterval"/>. After start-up, receiving a frame and sending a
/// message allocate nothing.
/// </remarks>
public sealed partial class MavlinkConnection : IAsyncDisposable
{
    private readonly ITransport _transport;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly MavlinkParser _parser;
    private readonly MavlinkSigner? _signer;
    private readonly SubscriptionTable _subscriptions = new();
    private readonly LinkWatchdog _watchdog;
    private readonly Lock _watchGate = new();
    private readonly Lock _sendGate = new();
    private readonly Lock _vehicleGate = new();
    private readonly Dictionary<ushort, VehicleInfo> _vehicles = [];
    private readonly ProblemRateLimiter _badFrames;
    private readonly ProblemRateLimiter _receiveErrors;
    private readonly ProblemRateLimiter _handlerErrors;
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationToken _stoppingToken;
    private MavlinkRawFrameHandler[] _rawHandlers = [];
    private TlogWriter? _tlog;
    private ITimer? _heartbeatTimer;
    private ITimer? _watchdogTimer;
    private Task? _receiveLoop;
    private byte _sequence;
    private bool _heardInChunk;
    private byte _heartbeatBaseMode;
    private uint _heartbeatCustomMode;
    private MavState _heartbeatStatus = MavState.Active;
    private long _heartbeatsSent;
    private long _framesSent;

    /// <summary>Creates a connection over <paramref name="transport"/>; nothing starts before <see cref="StartAsync"/>.</summary>
    public MavlinkConnection(ITransport transport, MavlinkConnectionOptions? options = null, TimeProvider? timeProvider = null,
        ILogger? logger = null, MavlinkDialect? dialect = null)
    {
        ArgumentNullException.ThrowIfNull(transport);
        Options = options ?? new MavlinkConnectionOptions();
        Options.Validate();
        _transport = transport;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        MavlinkSignatureVerifier? verifier = null;
        if (Options.SigningKey is { } key)
        {
            ulong now = MavlinkTimestamp.Now(_timeProvider);
            _signer = new MavlinkSigner(key, Options.SigningLinkId, _timeProvider, now);
            verifier = new MavlinkSignatureVerifier(key, Options.AcceptUnsigned, now);
        }

        _stoppingToken = _stopping.Token; // kept: timer callbacks may still run after the source is disposed
        _parser = new MavlinkParser(dialect ?? ArdupilotmegaDialect.Instance, verifier);
        _watchdog = new LinkWatchdog(Options.LinkLossTimeout);
        _badFrames = new ProblemRateLimiter(_timeProvider, Options.ProblemLogInterval);
        _receiveErrors = new ProblemRateLimiter(_timeProvider, Options.ProblemLogInterval);
        _handlerErrors = new ProblemRateLimiter(_timeProvider, Options.ProblemLogInterval);
    }

    /// <summary>Raised once per system/component when its first HEARTBEAT arrives.</summary>
    public event Action<VehicleInfo>? VehicleDiscovered;

    /// <summary>Raised when nothing valid has arrived for <see cref="MavlinkConnectionOptions.LinkLossTimeout"/>.</summary>
    public event Action? LinkLost;

    /// <summary>Raised when a valid frame arrives after the link was lost.</summary>
    public event Action? LinkRegained;

    /// <summary>The options, validated.</summary>
    public MavlinkConnectionOptions Options { get; }

    /// <summary>The transport below.</summary>
    public ITransport Transport => _transport;

    /// <summary>The clock this connection runs on.</summary>
    public TimeProvider TimeProvider => _timeProvider;

    /// <summary>Parser counters: frames, bytes, CRC and signature errors, unknown ids, packets lost.</summary>
    public MavlinkLinkStatistics Statistics => _parser.Statistics;

    /// <summary>Whether the link is alive, lost, or was never heard.</summary>
    public LinkState LinkState
    {
        get
        {
            lock (_watchGate)
            {
                return _watchdog.State;
            }
        }
    }

    /// <summary>HEARTBEATs we sent.</summary>
    public long HeartbeatsSent => Interlocked.Read(ref _heartbeatsSent);

    /// <summary>Frames we handed to the transport (heartbeats included).</summary>
    public long FramesSent => Interlocked.Read(ref _framesSent);

    /// <summary>Frames yielded with a verdict other than Ok (bad CRC, bad signature, unknown id).</summary>
    public long BadFrames => _badFrames.Count;

    /// <summary>Transport receive failures the loop survived.</summary>
    public long ReceiveErrors => _receiveErrors.Count;

    /// <summary>Exceptions thrown by subscribers or event handlers, caught by the loop.</summary>
    public long HandlerErrors => _handlerErrors.Count;

    /// <summary>Every system/component heard from so far, as of its latest HEARTBEAT.</summary>
    public IReadOnlyList<VehicleInfo> Vehicles
    {
        get
        {
            lock (_vehicleGate)
            {
                return _vehicles.Values.OrderBy(v => v.SystemId).ThenBy(v => v.ComponentId).ToArray();
            }
        }
    }

    /// <summary>The latest HEARTBEAT state of one system/component.</summary>
    public bool TryGetVehicle(byte systemId, byte componentId, out VehicleInfo vehicle)
    {
        lock (_vehicleGate)
        {
            return _vehicles.TryGetValue(VehicleKey(systemId, componentId), out vehicle);
        }
    }

    /// <summary>
    /// Starts the transport, the receive loop, our heartbeat and the link watchdog. Throws only when the transport
    /// cannot start (address in use); an unreachable peer is retried by the transport.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_receiveLoop is not null)
        {
            throw new InvalidOperationException($"{_transport.Name}: connection already started");
        }

        await _transport.StartAsync(cancellationToken).ConfigureAwait(false);
        CancellationToken stopping = _stoppingToken;
        _receiveLoop = Task.Run(() => ReceiveLoopAsync(stopping), CancellationToken.None);
        _heartbeatTimer = _timeProvider.CreateTimer(static s => ((MavlinkConnection)s!).SendHeartbeatFromTimer(), this, TimeSpan.Zero, Options.HeartbeatInterval);
        TimeSpan watchPeriod = Options.LinkLossTimeout / 10;
        _watchdogTimer = _timeProvider.CreateTimer(static s => ((MavlinkConnection)s!).CheckLink(), this, watchPeriod, watchPeriod);
    }

    /// <summary>Stops the heartbeat, the watchdog, the receive loop and the transport.</summary>
    public async Task StopAsync()
    {
        _heartbeatTimer?.Dispose();
        _watchdogTimer?.Dispose();
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }

        await _transport.StopAsync().ConfigureAwait(false);
        if (_receiveLoop is not null)
        {
            await _receiveLoop.ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await _transport.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    /// <summary>What our next HEARTBEATs report (a simulator emulating an autopilot sets its mode and arming here).</summary>
    public void SetHeartbeatState(byte baseMode, uint customMode, MavState systemStatus)
    {
        _heartbeatBaseMode = baseMode;
        _heartbeatCustomMode = customMode;
        _heartbeatStatus = systemStatus;
    }

    /// <summary>Calls <paramref name="handler"/> for every valid <typeparamref name="T"/>; dispose the result to unsubscribe.</summary>
    public IDisposable Subscribe<T>(MavlinkMessageHandler<T> handler)
        where T : unmanaged, IMavlinkMessage<T>
    {
        ArgumentNullException.ThrowIfNull(handler);
        return _subscriptions.Add(new TypedSubscriber<T>(handler));
    }

    /// <summary>Calls <paramref name="handler"/> for every frame the parser yields, whatever its verdict.</summary>
    public void AddRawFrameHandler(MavlinkRawFrameHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_sendGate)
        {
            _rawHandlers = [.. _rawHandlers, handler];
        }
    }

    /// <summary>Logs every received and sent frame to <paramref name="writer"/> (null to stop logging).</summary>
    public void AttachTlog(TlogWriter? writer) => Volatile.Write(ref _tlog, writer);

    /// <summary>
    /// Encodes <paramref name="message"/> with our ids and the next sequence number (signed when a key is set) and
    /// sends it. False when the transport had no peer or the send failed (counted by the transport).
    /// </summary>
    public ValueTask<bool> SendAsync<T>(in T message, CancellationToken cancellationToken = default)
        where T : unmanaged, IMavlinkMessage<T>
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(MavlinkWire.MaxFrameLength);
        int length;
        lock (_sendGate)
        {
            var header = new MavlinkHeader(Options.SystemId, Options.ComponentId, _sequence++);
            length = _signer is null
                ? MavlinkEncoder.Encode(buffer, in message, header)
                : MavlinkEncoder.EncodeSigned(buffer, in message, header, _signer);
        }

        Volatile.Read(ref _tlog)?.Write(buffer.AsSpan(0, length));
        Interlocked.Increment(ref _framesSent);
        return SendAndReturnAsync(buffer, length, cancellationToken);
    }

    /// <summary>Waits until a HEARTBEAT from an autopilot (not a GCS or companion) has arrived; returns its state.</summary>
    public async Task<VehicleInfo?> WaitForAutopilotAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var found = new TaskCompletionSource<VehicleInfo>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnDiscovered(VehicleInfo v)
        {
            if (v.IsAutopilot)
            {
                found.TrySetResult(v);
            }
        }

        VehicleDiscovered += OnDiscovered;
        try
        {
            VehicleInfo? known = Vehicles.Where(v => v.IsAutopilot).Select(v => (VehicleInfo?)v).FirstOrDefault();
            if (known is not null)
            {
                return known;
            }

            return await found.Task.WaitAsync(timeout, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return null;
        }
        finally
        {
            VehicleDiscovered -= OnDiscovered;
        }
    }

    internal void LogCommandRetry(ushort command, byte targetSystem, byte targetComponent, int attempt) =>
        Log.CommandRetry(_logger, command, targetSystem, targetComponent, attempt);

    private static ushort VehicleKey(byte systemId, byte componentId) => (ushort)((systemId << 8) | componentId);

    private async ValueTask<bool> SendAndReturnAsync(byte[] buffer, int length, CancellationToken cancellationToken)
    {
        try
        {
            return await _transport.SendAsync(buffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
