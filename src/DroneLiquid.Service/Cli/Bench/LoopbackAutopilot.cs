using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DroneLiquid.FirmwareBridge;
using DroneLiquid.Mavlink.Connection;
using DroneLiquid.Mavlink.Messages;
using DroneLiquid.Mavlink.Transports;

namespace DroneLiquid.Service.Cli.Bench;

/// <summary>
/// The autopilot side of <c>droneliquid bench tick</c>: a hovering vehicle whose telemetry is stamped as arriving
/// at the moment the tick reads it, and a real setpoint path (SET_POSITION_TARGET_LOCAL_NED encoded by a
/// <see cref="MavlinkConnection"/> and sent by a UDP transport to a local receiver), so a tick's latency runs
/// from the sensor sample to the send syscall's return. It is already in velocity control; the flight dialogue
/// (arm, take-off, mode changes) belongs to the real adapters and is refused here.
/// </summary>
internal sealed class LoopbackAutopilot : IAutopilot
{
    private const ushort VelocityYawRateTypeMask = 0x05C7;

    private readonly TimeProvider _time;
    private readonly MavlinkConnection? _connection;
    private readonly Socket? _receiver;
    private readonly Thread? _receiveThread;
    private long _sampleTimestamp;
    private long _lastSendReturn;
    private long _datagrams;
    private long[] _latencies = [];
    private long[] _sendTimes = [];
    private int _recorded;

    private LoopbackAutopilot(TimeProvider time, MavlinkConnection? connection, Socket? receiver)
    {
        _time = time;
        _connection = connection;
        _receiver = receiver;
        if (receiver is not null)
        {
            _receiveThread = new Thread(Receive) { IsBackground = true, Name = "bench setpoint receiver" };
            _receiveThread.Start();
        }
    }

    /// <summary>Setpoints go over loopback UDP to a receiver socket in this process.</summary>
    public static async Task<LoopbackAutopilot> OverUdpAsync(TimeProvider time)
    {
        var receiver = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        receiver.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var transport = new UdpServerTransport("bench", new IPEndPoint(IPAddress.Loopback, 0), initialPeer: (IPEndPoint)receiver.LocalEndPoint!);
        var connection = new MavlinkConnection(transport, new MavlinkConnectionOptions { HeartbeatInterval = TimeSpan.FromSeconds(1) });
        await connection.StartAsync();
        return new LoopbackAutopilot(time, connection, receiver);
    }

    /// <summary>Setpoints are counted, not sent (the simulated-hour soak, where only memory matters).</summary>
    public static LoopbackAutopilot Counting(TimeProvider time) => new(time, null, null);

    public FirmwareKind Firmware => FirmwareKind.Px4;

    public byte SystemId => 1;

    public bool InVelocityControl => true;

    public event Action<AutopilotNotice>? Notice { add { } remove { } }

    public event Action<ModeChange>? ModeChanged { add { } remove { } }

    /// <summary>When the tick last read the telemetry (the sample's arrival), <see cref="TimeProvider.GetTimestamp"/>.</summary>
    public long SampleTimestamp => _sampleTimestamp;

    /// <summary>When the last send returned (bytes handed to the socket), <see cref="Stopwatch"/> ticks.</summary>
    public long LastSendReturn => _lastSendReturn;

    public long SetpointsSent { get; private set; }

    /// <summary>Latencies (sample to send return) and send times recorded since <see cref="StartRecording"/>, Stopwatch ticks.</summary>
    public (long[] Latencies, long[] SendTimes) Recorded => (_latencies[.._recorded], _sendTimes[.._recorded]);

    /// <summary>Records each send's latency and time into preallocated arrays from now on (at most <paramref name="capacity"/>).</summary>
    public void StartRecording(int capacity)
    {
        _latencies = new long[capacity];
        _sendTimes = new long[capacity];
        _recorded = 0;
    }

    /// <summary>Datagrams the receiver got.</summary>
    public long DatagramsReceived => Interlocked.Read(ref _datagrams);

    public VehicleTelemetry Telemetry
    {
        get
        {
            long now = _time.GetTimestamp();
            _sampleTimestamp = now;
            return new VehicleTelemetry
            {
                HeartbeatTimestamp = now, Armed = true, Mode = ControlMode.VelocityControl, SystemStatus = MavState.Active, LandedState = MavLandedState.InAir,
                PositionTimestamp = now, DownMetres = -5f, AttitudeTimestamp = now, YawRadians = 0.3f,
                ImuTimestamp = now, AccelZMetresPerSecondSquared = -9.81f, BatteryTimestamp = now, BatteryRemainingFraction = 0.9f, BatteryVolts = 16f,
            };
        }
    }

    public SetpointResult SendVelocity(in VelocitySetpoint setpoint)
    {
        if (!setpoint.IsFinite)
        {
            return SetpointResult.Rejected;
        }

        if (_connection is not null)
        {
            var message = new SetPositionTargetLocalNedMessage
            {
                TimeBootMs = (uint)(_time.GetTimestamp() * 1000 / _time.TimestampFrequency),
                TypeMask = VelocityYawRateTypeMask,
                Vx = setpoint.X,
                Vy = setpoint.Y,
                Vz = setpoint.Z,
                YawRate = setpoint.YawRateRadiansPerSecond,
                TargetSystem = 1,
                TargetComponent = 1,
                CoordinateFrame = (byte)MavFrame.LocalNed,
            };
            var send = _connection.SendAsync(in message);
            if (!send.IsCompletedSuccessfully || !send.Result)
            {
                return SetpointResult.LinkError;
            }
        }

        _lastSendReturn = Stopwatch.GetTimestamp();
        SetpointsSent++;
        if (_recorded < _latencies.Length)
        {
            _latencies[_recorded] = _lastSendReturn - _sampleTimestamp;
            _sendTimes[_recorded++] = _lastSendReturn;
        }

        return SetpointResult.Sent;
    }

    public Task WaitReadyAsync(TimeSpan timeout, CancellationToken cancellationToken = default) => Refuse();

    public Task ArmAsync(CancellationToken cancellationToken = default) => Refuse();

    public Task TakeoffAsync(float altitudeMetres, CancellationToken cancellationToken = default) => Refuse();

    public Task StartVelocityControlAsync(CancellationToken cancellationToken = default) => Refuse();

    public Task HoldAsync(CancellationToken cancellationToken = default) => Refuse();

    public Task LandAsync(CancellationToken cancellationToken = default) => Refuse();

    public Task ReturnAsync(CancellationToken cancellationToken = default) => Refuse();

    public Task DisarmAsync(CancellationToken cancellationToken = default) => Refuse();

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        _receiver?.Dispose();
    }

    private static Task Refuse() => Task.FromException(new AutopilotException("the bench autopilot only streams setpoints; the flight dialogue needs a real adapter"));

    private void Receive()
    {
        var buffer = new byte[2048];
        try
        {
            while (true)
            {
                if (_receiver!.Receive(buffer) > 0)
                {
                    Interlocked.Increment(ref _datagrams);
                }
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Closed at dispose.
        }
    }
}
