using DroneLiquid.FirmwareBridge;
using DroneLiquid.Mavlink.Messages;

namespace DroneLiquid.Flight.Tests.Fakes;

/// <summary>
/// An autopilot for session scenarios: every async step succeeds at once (or throws when told to), telemetry is
/// stamped fresh on each read and the vehicle moves with the last setpoint (no dynamics: a perfect follower).
/// Tests break it on purpose: lose the heartbeat, freeze a stream, drain the battery, move the vehicle, take
/// over as the pilot, or block a send to stall the tick. Every setpoint sent is kept for envelope checks.
/// </summary>
internal sealed class FakeAutopilot : IAutopilot
{
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private readonly List<VelocitySetpoint> _setpoints = new(capacity: 250_000);
    private VehicleTelemetry _telemetry;
    private long _lastMove;
    private float _vn, _ve, _vd;
    private long _landingSince;
    private volatile bool _inVelocityControl;

    public FakeAutopilot(TimeProvider time)
    {
        _time = time;
        _lastMove = time.GetTimestamp();
        _telemetry = new VehicleTelemetry { Mode = ControlMode.Pilot, LandedState = MavLandedState.OnGround, BatteryRemainingFraction = 0.9f, BatteryVolts = 16f };
    }

    public FirmwareKind Firmware => FirmwareKind.Px4;

    public byte SystemId => 1;

    public bool InVelocityControl => _inVelocityControl;

    public event Action<AutopilotNotice>? Notice;

    public event Action<ModeChange>? ModeChanged;

    public bool HeartbeatLost { get; set; }

    public bool PositionFrozen { get; set; }

    /// <summary>Streams stay fresh but the vehicle does not move (steady-state measurements).</summary>
    public bool Stationary { get; set; }

    /// <summary>Seconds a landing takes from the Land command to touchdown.</summary>
    public double LandSeconds { get; set; } = 1;

    /// <summary>Thrown by ArmAsync when set.</summary>
    public AutopilotException? ArmFailure { get; set; }

    /// <summary>Runs inside SendVelocity on the tick thread (block, or advance a fake clock).</summary>
    public Action? OnSend { get; set; }

    private int _velocityControlStarts;

    /// <summary>When set, taking velocity control back after a hold is refused with it.</summary>
    public AutopilotException? VelocityControlFailure { get; set; }

    /// <summary>When set, the take-off climbs (mode Takeoff, in the air) but completes only when this task does.</summary>
    public Task? TakeoffHeldUntil { get; set; }

    public bool TakeoffCancelled { get; private set; }

    public int VelocityControlStarts => _velocityControlStarts;

    public int HoldCalls { get; private set; }

    public int LandCalls { get; private set; }

    public int ReturnCalls { get; private set; }

    public int SetpointCount { get { lock (_gate) { return _setpoints.Count; } } }

    public VelocitySetpoint[] Setpoints() { lock (_gate) { return [.. _setpoints]; } }

    public ControlMode Mode { get { lock (_gate) { return _telemetry.Mode; } } }

    public VehicleTelemetry Telemetry
    {
        get
        {
            lock (_gate)
            {
                Move();
                return _telemetry;
            }
        }
    }

    public float BatteryRemaining
    {
        set { lock (_gate) { _telemetry = _telemetry with { BatteryRemainingFraction = value }; } }
    }

    public void TeleportTo(float north, float east, float down)
    {
        lock (_gate)
        {
            _telemetry = _telemetry with { NorthMetres = north, EastMetres = east, DownMetres = down };
        }
    }

    /// <summary>The pilot flips the mode switch: velocity control ends and the HEARTBEAT shows a mode we did not set.</summary>
    public void PilotTakesOver()
    {
        ControlMode from;
        lock (_gate)
        {
            from = _telemetry.Mode;
            _inVelocityControl = false;
            (_vn, _ve, _vd) = (0, 0, 0);
            _telemetry = _telemetry with { Mode = ControlMode.Pilot };
        }

        ModeChanged?.Invoke(new ModeChange(_time.GetTimestamp(), from, ControlMode.Pilot, 0, ByUs: false));
    }

    public Task WaitReadyAsync(TimeSpan timeout, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task ArmAsync(CancellationToken cancellationToken = default)
    {
        if (ArmFailure is { } failure)
        {
            throw failure;
        }

        lock (_gate)
        {
            _telemetry = _telemetry with { Armed = true };
        }

        return Task.CompletedTask;
    }

    public async Task TakeoffAsync(float altitudeMetres, CancellationToken cancellationToken = default)
    {
        SetMode(ControlMode.Takeoff, t => t with { DownMetres = -altitudeMetres, LandedState = MavLandedState.InAir });
        if (TakeoffHeldUntil is { } release)
        {
            try
            {
                await release.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                TakeoffCancelled = true;
                throw;
            }
        }
    }

    public Task StartVelocityControlAsync(CancellationToken cancellationToken = default)
    {
        if (VelocityControlFailure is { } failure && _velocityControlStarts > 0)
        {
            throw failure; // refused only on re-entry: start-up still succeeds
        }

        _velocityControlStarts++;

        SetMode(ControlMode.VelocityControl, t => t);
        _inVelocityControl = true;
        return Task.CompletedTask;
    }

    public SetpointResult SendVelocity(in VelocitySetpoint setpoint)
    {
        OnSend?.Invoke();
        if (!_inVelocityControl)
        {
            return SetpointResult.NotInControl;
        }

        if (!setpoint.IsFinite)
        {
            return SetpointResult.Rejected;
        }

        lock (_gate)
        {
            Move();
            (_vn, _ve, _vd) = (setpoint.X, setpoint.Y, setpoint.Z);
            _setpoints.Add(setpoint);
        }

        return SetpointResult.Sent;
    }

    public Task HoldAsync(CancellationToken cancellationToken = default)
    {
        _inVelocityControl = false;
        SetMode(ControlMode.Hold, t => t);
        HoldCalls++;
        return Task.CompletedTask;
    }

    public Task LandAsync(CancellationToken cancellationToken = default)
    {
        _inVelocityControl = false;
        SetMode(ControlMode.Land, t => t);
        lock (_gate)
        {
            _landingSince = _time.GetTimestamp();
        }

        LandCalls++;
        return Task.CompletedTask;
    }

    public Task ReturnAsync(CancellationToken cancellationToken = default)
    {
        _inVelocityControl = false;
        SetMode(ControlMode.Return, t => t);
        ReturnCalls++;
        return Task.CompletedTask;
    }

    public Task DisarmAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _telemetry = _telemetry with { Armed = false };
        }

        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public void RaiseNotice(AutopilotNotice notice) => Notice?.Invoke(notice);

    private void SetMode(ControlMode mode, Func<VehicleTelemetry, VehicleTelemetry> change)
    {
        ControlMode from;
        lock (_gate)
        {
            Move();
            from = _telemetry.Mode;
            (_vn, _ve, _vd) = (0, 0, 0);
            _telemetry = change(_telemetry with { Mode = mode });
        }

        ModeChanged?.Invoke(new ModeChange(_time.GetTimestamp(), from, mode, 0, ByUs: true));
    }

    /// <summary>Integrates the last setpoint up to now and stamps the streams (caller holds the lock).</summary>
    private void Move()
    {
        long now = _time.GetTimestamp();
        float dt = (float)_time.GetElapsedTime(_lastMove, now).TotalSeconds;
        _lastMove = now;
        var t = _telemetry;
        if (!PositionFrozen)
        {
            t = t with
            {
                NorthMetres = Stationary ? t.NorthMetres : t.NorthMetres + (_vn * dt),
                EastMetres = Stationary ? t.EastMetres : t.EastMetres + (_ve * dt),
                DownMetres = Stationary ? t.DownMetres : t.DownMetres + (_vd * dt),
                NorthMetresPerSecond = _vn,
                EastMetresPerSecond = _ve,
                DownMetresPerSecond = _vd,
                PositionTimestamp = now,
                AttitudeTimestamp = now,
                ImuTimestamp = now,
                AccelZMetresPerSecondSquared = -9.81f,
            };
        }

        if (_landingSince != 0 && _time.GetElapsedTime(_landingSince, now).TotalSeconds >= LandSeconds)
        {
            t = t with { DownMetres = 0, LandedState = MavLandedState.OnGround, Armed = false };
            _landingSince = 0;
        }

        _telemetry = t with
        {
            HeartbeatTimestamp = HeartbeatLost ? t.HeartbeatTimestamp : now,
            BatteryTimestamp = now,
        };
    }
}
