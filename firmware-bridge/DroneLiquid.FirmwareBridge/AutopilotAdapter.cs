using DroneLiquid.FirmwareBridge.Notices;
using DroneLiquid.Mavlink.Connection;
using DroneLiquid.Mavlink.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DroneLiquid.FirmwareBridge;

/// <summary>
/// What both firmware adapters share: telemetry into <see cref="VehicleTelemetry"/>, notices, the HEARTBEAT watch that
/// confirms every mode change and ends velocity control the moment a mode we did not ask for appears, the command
/// steps (arm, disarm, mode changes), and <see cref="SendVelocity"/>, which sends exactly one setpoint per call and
/// nothing on its own. Subclasses (<see cref="Px4.Px4Autopilot"/>, <see cref="ArduPilot.ArduPilotAutopilot"/>) add the
/// firmware's mode numbers, readiness rules, takeoff and velocity-control entry.
/// </summary>
/// <remarks>
/// The adapter does not own the <see cref="MavlinkConnection"/>: the caller starts it before and disposes it after.
/// Everything runs on the connection's <see cref="TimeProvider"/>, so a simulated clock drives every timeout.
/// </remarks>
public abstract partial class AutopilotAdapter : IAutopilot
{
    /// <summary>type_mask of SET_POSITION_TARGET_LOCAL_NED with velocity and yaw rate used (all else ignored): 0x05C7.</summary>
    public const ushort VelocityYawRateTypeMask = 0x05C7;

    private readonly List<IDisposable> _subscriptions = [];
    private readonly StatusTextAssembler _statusText = new();
    private readonly Action<MavSeverity, string> _emitStatusText;
    private readonly long _startTimestamp;
    private int _inControl;
    private long _sent;
    private long _notInControl;
    private long _rejected;
    private long _linkErrors;
    private long _adapterSetpoints;
    private int _disposed;

    protected AutopilotAdapter(MavlinkConnection connection, VehicleInfo autopilot, AutopilotOptions options, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Connection = connection;
        Options = options;
        Clock = connection.TimeProvider;
        Logger = logger ?? NullLogger.Instance;
        SystemId = autopilot.SystemId;
        ComponentId = autopilot.ComponentId;
        Commands = new CommandClient(connection, options.Commands);
        _startTimestamp = Clock.GetTimestamp();
        _emitStatusText = (severity, text) => RaiseNotice(new AutopilotNotice(Clock.GetTimestamp(), severity, NoticeSource.StatusText, text));
        SeedFromHeartbeat(autopilot);
        _subscriptions.Add(connection.Subscribe<HeartbeatMessage>(OnHeartbeat));
        _subscriptions.Add(connection.Subscribe<LocalPositionNedMessage>(OnLocalPosition));
        _subscriptions.Add(connection.Subscribe<GlobalPositionIntMessage>(OnGlobalPosition));
        _subscriptions.Add(connection.Subscribe<AttitudeMessage>(OnAttitude));
        _subscriptions.Add(connection.Subscribe<HighresImuMessage>(OnHighresImu));
        _subscriptions.Add(connection.Subscribe<ScaledImuMessage>(OnScaledImu));
        _subscriptions.Add(connection.Subscribe<RawImuMessage>(OnRawImu));
        _subscriptions.Add(connection.Subscribe<SysStatusMessage>(OnSysStatus));
        _subscriptions.Add(connection.Subscribe<BatteryStatusMessage>(OnBatteryStatus));
        _subscriptions.Add(connection.Subscribe<ExtendedSysStateMessage>(OnExtendedSysState));
        _subscriptions.Add(connection.Subscribe<StatustextMessage>(OnStatusText));
        _subscriptions.Add(connection.Subscribe<EventMessage>(OnEvent));
    }

    /// <inheritdoc />
    public abstract FirmwareKind Firmware { get; }

    /// <inheritdoc />
    public byte SystemId { get; }

    /// <summary>The autopilot's MAVLink component id.</summary>
    public byte ComponentId { get; }

    /// <inheritdoc />
    public bool InVelocityControl => Volatile.Read(ref _inControl) != 0;

    /// <summary>The setpoint counters (caller's and the adapter's entry stream).</summary>
    public SetpointCounters Setpoints => new(Interlocked.Read(ref _sent), Interlocked.Read(ref _notInControl), Interlocked.Read(ref _rejected),
        Interlocked.Read(ref _linkErrors), Interlocked.Read(ref _adapterSetpoints));

    /// <summary>COMMAND_ACKs that matched no command in flight (PX4's second ACK of DO_SET_MODE lands here).</summary>
    public long IgnoredAcks => Commands.IgnoredAcks;

    /// <summary>The options, validated.</summary>
    public AutopilotOptions Options { get; }

    /// <inheritdoc />
    public event Action<AutopilotNotice>? Notice;

    /// <inheritdoc />
    public event Action<ModeChange>? ModeChanged;

    protected MavlinkConnection Connection { get; }

    protected CommandClient Commands { get; }

    protected TimeProvider Clock { get; }

    protected ILogger Logger { get; }

    /// <summary>MAV_FRAME used for <see cref="SetpointFrame.BodyHeading"/> velocities (PX4 BODY_NED 8, ArduPilot BODY_OFFSET_NED 9).</summary>
    protected abstract MavFrame BodyFrame { get; }

    /// <inheritdoc />
    public SetpointResult SendVelocity(in VelocitySetpoint setpoint)
    {
        if (Volatile.Read(ref _inControl) == 0)
        {
            Interlocked.Increment(ref _notInControl);
            return SetpointResult.NotInControl;
        }

        if (!setpoint.IsFinite)
        {
            Interlocked.Increment(ref _rejected);
            return SetpointResult.Rejected;
        }

        var message = VelocityMessage(setpoint.Frame == SetpointFrame.LocalNed ? MavFrame.LocalNed : BodyFrame,
            setpoint.X, setpoint.Y, setpoint.Z, setpoint.YawRateRadiansPerSecond);
        ValueTask<bool> send = Connection.SendAsync(in message);
        if (send.IsCompletedSuccessfully)
        {
            if (send.Result)
            {
                Interlocked.Increment(ref _sent);
                return SetpointResult.Sent;
            }

            Interlocked.Increment(ref _linkErrors);
            return SetpointResult.LinkError;
        }

        if (send.IsCompleted)
        {
            ObserveFailed(send);
            Interlocked.Increment(ref _linkErrors);
            return SetpointResult.LinkError;
        }

        // The transport queued the bytes (a TCP send buffer momentarily full): counted as sent now, as a link error
        // later if the write fails. The tick is not held up.
        Interlocked.Increment(ref _sent);
        _ = ObserveLateAsync(send);
        return SetpointResult.Sent;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (InVelocityControl)
        {
            Logger.DisposedInControl();
        }

        Volatile.Write(ref _inControl, 0);
        await DisposeCoreAsync().ConfigureAwait(false);
        foreach (IDisposable subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        Commands.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Stops what a subclass runs (the PX4 entry stream).</summary>
    protected virtual ValueTask DisposeCoreAsync() => ValueTask.CompletedTask;

    /// <summary>A velocity-and-yaw-rate SET_POSITION_TARGET_LOCAL_NED to the autopilot.</summary>
    protected SetPositionTargetLocalNedMessage VelocityMessage(MavFrame frame, float x, float y, float z, float yawRate) => new()
    {
        TimeBootMs = (uint)Clock.GetElapsedTime(_startTimestamp).TotalMilliseconds,
        TargetSystem = SystemId,
        TargetComponent = ComponentId,
        CoordinateFrame = (byte)frame,
        TypeMask = VelocityYawRateTypeMask,
        Vx = x,
        Vy = y,
        Vz = z,
        YawRate = yawRate,
    };

    /// <summary>Sends one of the adapter's own zero-velocity setpoints (PX4 offboard entry, ArduPilot's explicit stop).</summary>
    protected void SendOwnStop()
    {
        var message = VelocityMessage(MavFrame.LocalNed, 0f, 0f, 0f, 0f);
        ValueTask<bool> send = Connection.SendAsync(in message);
        Interlocked.Increment(ref _adapterSetpoints);
        if (!send.IsCompleted)
        {
            _ = ObserveLateAsync(send, countAsCaller: false);
        }
        else if (!send.IsCompletedSuccessfully)
        {
            ObserveFailed(send);
        }
    }

    /// <summary>Ends velocity control (before any mode change we make, so the tick's next setpoint is refused).</summary>
    protected void LeaveVelocityControl() => Volatile.Write(ref _inControl, 0);

    private static void ObserveFailed(ValueTask<bool> send)
    {
        try
        {
            send.GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or IOException or System.Net.Sockets.SocketException)
        {
            // The transport is stopping or broke: counted by the caller.
        }
    }

    private async Task ObserveLateAsync(ValueTask<bool> send, bool countAsCaller = true)
    {
        bool ok;
        try
        {
            ok = await send.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or IOException or System.Net.Sockets.SocketException)
        {
            ok = false;
        }

        if (!ok && countAsCaller)
        {
            Interlocked.Increment(ref _linkErrors);
        }
    }
}
