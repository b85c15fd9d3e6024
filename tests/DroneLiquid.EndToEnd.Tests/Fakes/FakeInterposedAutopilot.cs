using DroneLiquid.FirmwareBridge;

namespace DroneLiquid.EndToEnd.Tests.Fakes;

/// <summary>
/// The real adapter with a hook in front of the calls the session makes: the tick's <see cref="SendVelocity"/> (a slow
/// or stuck tick) and the stop commands (a hung process). Counts what the tick sends after a mode change not ours.
/// </summary>
internal sealed class FakeInterposedAutopilot : IAutopilot
{
    private readonly IAutopilot _inner;
    private long _modeChangeTimestamp;
    private long _sentAfterPilot;
    private long _callsAfterPilot;

    public FakeInterposedAutopilot(IAutopilot inner)
    {
        _inner = inner;
        _inner.ModeChanged += change =>
        {
            if (!change.ByUs && change.From == ControlMode.VelocityControl)
            {
                Interlocked.CompareExchange(ref _modeChangeTimestamp, change.Timestamp, 0);
            }
        };
    }

    /// <summary>Runs on the tick thread before each setpoint goes out (the default does nothing).</summary>
    public Action? BeforeSend { get; set; }

    /// <summary>Awaited before Hold, Land and Return reach the adapter (a hung process never gets there).</summary>
    public Func<Task>? BeforeStop { get; set; }

    /// <summary>True once the HEARTBEAT showed a mode this adapter did not ask for, while in velocity control.</summary>
    public bool PilotTookOver => Interlocked.Read(ref _modeChangeTimestamp) != 0;

    /// <summary>SendVelocity calls made after the pilot's mode change was seen.</summary>
    public long CallsAfterPilot => Interlocked.Read(ref _callsAfterPilot);

    /// <summary>Setpoints that went out after the pilot's mode change was seen.</summary>
    public long SentAfterPilot => Interlocked.Read(ref _sentAfterPilot);

    public long Sent { get; private set; }

    public FirmwareKind Firmware => _inner.Firmware;

    public byte SystemId => _inner.SystemId;

    public bool InVelocityControl => _inner.InVelocityControl;

    public VehicleTelemetry Telemetry => _inner.Telemetry;

    public event Action<AutopilotNotice>? Notice
    {
        add => _inner.Notice += value;
        remove => _inner.Notice -= value;
    }

    public event Action<ModeChange>? ModeChanged
    {
        add => _inner.ModeChanged += value;
        remove => _inner.ModeChanged -= value;
    }

    public SetpointResult SendVelocity(in VelocitySetpoint setpoint)
    {
        BeforeSend?.Invoke();
        bool pilot = PilotTookOver;
        SetpointResult result = _inner.SendVelocity(setpoint);
        if (result == SetpointResult.Sent)
        {
            Sent++;
        }

        if (pilot)
        {
            Interlocked.Increment(ref _callsAfterPilot);
            if (result == SetpointResult.Sent)
            {
                Interlocked.Increment(ref _sentAfterPilot);
            }
        }

        return result;
    }

    public Task WaitReadyAsync(TimeSpan timeout, CancellationToken cancellationToken = default) => _inner.WaitReadyAsync(timeout, cancellationToken);

    public Task ArmAsync(CancellationToken cancellationToken = default) => _inner.ArmAsync(cancellationToken);

    public Task TakeoffAsync(float altitudeMetres, CancellationToken cancellationToken = default) => _inner.TakeoffAsync(altitudeMetres, cancellationToken);

    public Task StartVelocityControlAsync(CancellationToken cancellationToken = default) => _inner.StartVelocityControlAsync(cancellationToken);

    public async Task HoldAsync(CancellationToken cancellationToken = default)
    {
        await Stopping();
        await _inner.HoldAsync(cancellationToken);
    }

    public async Task LandAsync(CancellationToken cancellationToken = default)
    {
        await Stopping();
        await _inner.LandAsync(cancellationToken);
    }

    public async Task ReturnAsync(CancellationToken cancellationToken = default)
    {
        await Stopping();
        await _inner.ReturnAsync(cancellationToken);
    }

    public Task DisarmAsync(CancellationToken cancellationToken = default) => _inner.DisarmAsync(cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask; // the runner disposes the adapter itself

    private Task Stopping() => BeforeStop?.Invoke() ?? Task.CompletedTask;
}
