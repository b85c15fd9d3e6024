using System.Threading.Channels;
using DroneLiquid.Flight.Envelope;
using DroneLiquid.Flight.Failsafe;
using DroneLiquid.Flight.Policies;
using DroneLiquid.Flight.Recorder;
using DroneLiquid.FirmwareBridge;
using DroneLiquid.Liquid.Policies;
using DroneLiquid.Sensors.Camera;
using Microsoft.Extensions.Logging;

namespace DroneLiquid.Flight.Control;

/// <summary>
/// One flight of a policy through an autopilot: preflight (wait ready) → arm → take off to the plan altitude →
/// velocity control → the control loop (<see cref="ControlTick"/> on its own thread) → a defined end: Landed
/// (mission done or a failsafe landing), Holding (graceful stop with <see cref="StopAction.Hold"/>) or HandedBack
/// (the pilot took over, or a stop with <see cref="StopAction.Return"/>). The failsafe state machine decides; this
/// class carries its actions out through the autopilot's async API, off the tick thread. A supervisor outside the
/// tick commands Hold when a tick stalls. Cancelling <see cref="RunAsync"/> is the graceful stop. One flight per
/// instance.
/// </summary>
public sealed partial class FlightSession : IAsyncDisposable
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(500);

    private readonly IAutopilot _autopilot;
    private readonly FlightPolicy _policy;
    private readonly FlightPlan _plan;
    private readonly ControlOptions _control;
    private readonly FailsafeOptions _failsafe;
    private readonly FlightRecorder? _recorder;
    private readonly FlightMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<FlightSession> _logger;
    private readonly ControlTick _tick;
    private readonly TickLoop _loop;
    private readonly TickSupervisor _supervisor;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private int _started;
    private long _stallStart;
    private string? _reason;

    /// <summary>Checks every option and the plan (one line per problem, <see cref="ArgumentException"/>) and prepares the tick.</summary>
    public FlightSession(
        IAutopilot autopilot,
        FlightPolicy policy,
        ICameraSource? camera,
        FlightPlan plan,
        ControlOptions control,
        EnvelopeOptions envelope,
        FailsafeOptions failsafe,
        FlightRecorder? recorder,
        FlightMetrics metrics,
        TimeProvider timeProvider,
        ILogger<FlightSession> logger)
    {
        ArgumentNullException.ThrowIfNull(autopilot);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        var problems = plan.Problems();
        problems.AddRange(ControlOptionsValidator.Collect(control));
        problems.AddRange(EnvelopeOptionsValidator.Collect(envelope));
        problems.AddRange(FailsafeOptionsValidator.Collect(failsafe));
        if (control.TickOnCameraFrame && camera is null)
        {
            problems.Add($"{ControlOptions.Section}:TickOnCameraFrame is true but no camera source is given");
        }

        OptionsCheck.ThrowIfAny(problems);
        (_autopilot, _policy, _plan, _control, _recorder, _metrics, _time, _logger) = (autopilot, policy, plan, control, recorder, metrics, timeProvider, logger);

        // The plan's time limit is the mission limit the failsafe enforces.
        _failsafe = new FailsafeOptions
        {
            HeartbeatTimeout = failsafe.HeartbeatTimeout,
            DeadlineMissesBeforeHold = failsafe.DeadlineMissesBeforeHold,
            HoldTimeout = failsafe.HoldTimeout,
            MissionTimeLimit = plan.TimeLimit,
            TransitionLogCapacity = failsafe.TransitionLogCapacity,
        };
        _tick = new ControlTick(autopilot, policy, camera, plan, control, envelope, _failsafe, recorder, metrics, timeProvider, OnTransition);
        Func<long>? frames = control.TickOnCameraFrame ? () => camera!.Counters.FramesPublished : null;
        _loop = new TickLoop(_tick, control.Period, frames, timeProvider, logger);
        _supervisor = new TickSupervisor(_loop, control.SupervisorStallAfter, timeProvider, OnStall);
    }

    /// <summary>The flight state, as of the last tick.</summary>
    public FlightState State => _tick.Decision.State;

    /// <summary>True only while the control loop runs and its ticks complete on time (feeds the systemd watchdog).</summary>
    public bool TickHealthy => _loop.Running && _supervisor.Healthy;

    /// <summary>Ticks completed so far.</summary>
    public long TicksCompleted => _loop.Completed;

    /// <summary>About twice a second while flying: state, distance to target, speed. Raised off the tick thread.</summary>
    public event Action<FlightProgress>? Progress;

    /// <summary>Flies the plan; returns how the flight ended. Cancellation is the graceful stop (<see cref="ControlOptions.StopAction"/>).</summary>
    public async Task<FlightOutcome> RunAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("a FlightSession flies once; create a new one for the next flight");
        }

        long runStart = _time.GetTimestamp();
        _logger.Starting(_policy.Document.Name, _policy.IsVision ? "vision" : "state", _plan.TargetNed.NorthMetres, _plan.TargetNed.EastMetres, _plan.TargetNed.DownMetres, _plan.AltitudeMetres, _control.RateHz);
        WriteFlightInfo();
        _autopilot.ModeChanged += OnModeChanged;
        _loop.Start();
        _supervisor.Start();
        using var startupCancel = new CancellationTokenSource();
        Task? startup = Task.Run(() => StartupAsync(startupCancel.Token), CancellationToken.None);
        _ = startup.ContinueWith(
            t =>
            {
                _ = t.Exception; // observed here; the reason was logged by StartupAsync
                Wake();
            },
            TaskScheduler.Default);
        using var wakeOnCancel = cancellationToken.Register(Wake);
        var executed = FailsafeAction.None;
        bool stopping = false, startFailed = false;
        long landingSince = 0, lastProgress = 0;
        try
        {
            while (true)
            {
                var decision = _tick.Decision;
                if (startup is { IsCompleted: true })
                {
                    startFailed = startup.IsFaulted && !startupCancel.IsCancellationRequested;
                    if (startFailed && _autopilot.Telemetry.Armed)
                    {
                        _tick.RequestStop(FailsafeAction.Land);
                    }

                    startup = null;
                }

                // A hold that clears by itself (stale sensor, missed deadlines) during start-up leaves the autopilot's
                // own take-off or hover alone: the start-up waits for it to clear before each step (the hold timeout
                // lands otherwise). Any other failsafe wins over the start-up dialogue.
                bool deferredHold = startup is not null && decision.Action == FailsafeAction.Hold
                    && FailsafeStateMachine.ClearOf(decision.Trigger) == TriggerClear.WhenConditionClears;
                if (startup is not null && decision.Action >= FailsafeAction.Hold && !deferredHold)
                {
                    await startupCancel.CancelAsync();
                }

                if (cancellationToken.IsCancellationRequested && !stopping)
                {
                    stopping = true;
                    _reason ??= $"stopped by the service ({_control.StopAction})";
                    _logger.Stopping(_control.StopAction.ToString());
                    _tick.RequestStop(_control.StopAction switch { StopAction.Land => FailsafeAction.Land, StopAction.Return => FailsafeAction.HandBack, _ => FailsafeAction.Hold });
                    await startupCancel.CancelAsync();
                }

                if (decision.Action != executed && decision.Action >= FailsafeAction.Hold && !deferredHold)
                {
                    executed = decision.Action;
                    await ExecuteAsync(decision, stopping);
                }
                else if (executed == FailsafeAction.Hold && decision.State == FlightState.PolicyControl && !stopping)
                {
                    // A hold whose cause cleared: the autopilot still holds, so take velocity control back (the tick
                    // already streams setpoints, which PX4 needs before it accepts offboard). A later hold is new.
                    executed = FailsafeAction.None;
                    await ResumeVelocityControlAsync();
                }

                landingSince = decision.State == FlightState.Landing ? (landingSince == 0 ? _time.GetTimestamp() : landingSince) : 0;
                if (Finished(decision, executed, stopping, startup is null, startFailed, landingSince))
                {
                    break;
                }

                if (_time.GetElapsedTime(lastProgress) >= ProgressInterval)
                {
                    lastProgress = _time.GetTimestamp();
                    RaiseProgress(decision.State, runStart);
                }

                await WaitAsync(stopping ? CancellationToken.None : cancellationToken);
            }
        }
        finally
        {
            _autopilot.ModeChanged -= OnModeChanged;
            _supervisor.Dispose();
            _loop.Stop(TimeSpan.FromSeconds(1));
            if (startup is not null)
            {
                await startupCancel.CancelAsync();
            }
        }

        return await FinishAsync(runStart);
    }

    /// <summary>Stops the loop if <see cref="RunAsync"/> was abandoned; the policy, camera and recorder belong to the caller.</summary>
    public ValueTask DisposeAsync()
    {
        _supervisor.Dispose();
        _loop.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task StartupAsync(CancellationToken cancellationToken)
    {
        string step = "wait ready";
        try
        {
            await _autopilot.WaitReadyAsync(_control.ReadyTimeout, cancellationToken);
            step = "arm";
            await _autopilot.ArmAsync(cancellationToken);
            step = "take-off";
            await WaitWhileHeldAsync(cancellationToken);
            await _autopilot.TakeoffAsync(_plan.AltitudeMetres, cancellationToken);
            step = "start velocity control";
            await WaitWhileHeldAsync(cancellationToken);
            await _autopilot.StartVelocityControlAsync(cancellationToken);
            _tick.MarkVelocityControlStarted();
        }
        catch (Exception ex) when (ex is AutopilotException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            _reason ??= $"start-up failed at {step}: {ex.Message}";
            _logger.StartFailed(step, ex.Message);
            throw;
        }
    }

    /// <summary>Start-up: no next step while the machine holds (the autopilot keeps the vehicle where it is meanwhile).</summary>
    private async Task WaitWhileHeldAsync(CancellationToken cancellationToken)
    {
        while (_tick.Decision.State == FlightState.Holding)
        {
            await Task.Delay(_control.Period, _time, cancellationToken);
        }
    }
}
