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

/// <summary>The session's reactions: failsafe actions, the end of the run, and the tick's, receive thread's and supervisor's callbacks.</summary>
public sealed partial class FlightSession
{
    private async Task ExecuteAsync(FailsafeDecision decision, bool stopping)
    {
        string name = decision.Action.ToString();
        try
        {
            switch (decision.Action)
            {
                case FailsafeAction.Hold:
                    await _autopilot.HoldAsync(CancellationToken.None);
                    break;
                case FailsafeAction.Land:
                    await _autopilot.LandAsync(CancellationToken.None);
                    break;
                case FailsafeAction.HandBack when stopping && decision.Trigger == FailsafeTrigger.StopRequested && _control.StopAction == StopAction.Return:
                    name = "Return";
                    await _autopilot.ReturnAsync(CancellationToken.None);
                    break;
            }
        }
        catch (AutopilotException ex)
        {
            // The state machine stays in charge; the autopilot's own failsafes cover a refused command.
            _reason ??= $"autopilot refused {name}: {ex.Message}";
            _logger.ActionFailed(name, ex.Message);
        }
    }

    private async Task ResumeVelocityControlAsync()
    {
        try
        {
            await _autopilot.StartVelocityControlAsync(CancellationToken.None);
            _logger.Resumed();
        }
        catch (Exception ex) when (ex is AutopilotException or TimeoutException)
        {
            // Refused: the vehicle holds where it is; hold in the machine too, so its hold timeout lands it.
            _reason ??= $"autopilot refused velocity control after a hold: {ex.Message}";
            _logger.ActionFailed("resume velocity control", ex.Message);
            _tick.RequestStop(FailsafeAction.Hold);
        }
    }

    private bool Finished(FailsafeDecision decision, FailsafeAction executed, bool stopping, bool startupDone, bool startFailed, long landingSince)
    {
        var state = decision.State;
        bool flying = state is FlightState.Armed or FlightState.TakingOff or FlightState.PolicyControl or FlightState.Holding or FlightState.Landing;
        if (state is FlightState.Landed or FlightState.HandedBack)
        {
            return true;
        }

        if (!flying && startupDone && (stopping || startFailed))
        {
            return true;
        }

        if (stopping && state == FlightState.Holding && executed == FailsafeAction.Hold)
        {
            return true;
        }

        if (landingSince != 0 && _time.GetElapsedTime(landingSince) > _control.LandingTimeout)
        {
            _reason ??= $"no touchdown within the landing timeout ({_control.LandingTimeout})";
            return true;
        }

        // A tick stuck for good: the supervisor held the vehicle; after the hold timeout it lands and the run ends.
        if (_stallStart != 0 && !_supervisor.Healthy && _time.GetElapsedTime(Interlocked.Read(ref _stallStart)) >= _failsafe.HoldTimeout)
        {
            _reason = "control tick stalled: held, then landed by the supervisor";
            _ = _autopilot.LandAsync(CancellationToken.None);
            return true;
        }

        return false;
    }

    private async Task<FlightOutcome> FinishAsync(long runStart)
    {
        var machine = _tick.Machine;
        var transitions = Enumerable.Range(0, machine.Transitions.Count).Select(i => machine.Transitions[i]).ToArray();
        var state = _tick.Decision.State;
        bool reached = transitions.Any(t => t.Trigger == FailsafeTrigger.TargetReached);
        if (state == FlightState.Landed && _autopilot.Telemetry.Armed)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10), _time);
                await _autopilot.DisarmAsync(timeout.Token);
            }
            catch (Exception ex) when (ex is AutopilotException or OperationCanceledException)
            {
                _logger.ActionFailed("Disarm", ex.Message);
            }
        }

        string reason = _reason ?? transitions.LastOrDefault(t => t.Kind == TransitionKind.Failsafe) switch
        {
            { Kind: TransitionKind.Failsafe } last => last.Reason,
            _ => "ended",
        };
        var duration = _time.GetElapsedTime(runStart);
        _logger.Ended(state, duration.TotalSeconds, reason);
        return new FlightOutcome(
            state, state == FlightState.Landed && reached, duration, _tick.DistanceFlownMetres, _tick.ClosestToTargetMetres,
            _tick.Interventions, _tick.Ticks, _tick.SetpointsSent, _tick.DeadlineMisses, transitions, reason);
    }

    private async Task WaitAsync(CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(ProgressInterval / 5, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            await _wake.Reader.WaitToReadAsync(linked.Token);
        }
        catch (OperationCanceledException)
        {
            // A timeout or the stop request: either way, look again.
        }

        while (_wake.Reader.TryRead(out _))
        {
        }
    }

    private void Wake() => _wake.Writer.TryWrite(true);

    private void RaiseProgress(FlightState state, long runStart)
    {
        var (distance, speed, altitude) = _tick.Latest;
        try
        {
            Progress?.Invoke(new FlightProgress(state, distance, speed, altitude, _time.GetElapsedTime(runStart)));
        }
        catch (Exception ex)
        {
            // A progress printer must never end a flight.
            _logger.ActionFailed("progress report", ex.Message);
        }
    }

    private void WriteFlightInfo()
    {
        if (_recorder is null)
        {
            return;
        }

        try
        {
            string directory = Path.GetFullPath(_policy.Directory);
            string hash = PolicyFolder.Sha256(Path.Combine(directory, PolicyFolder.PolicyFileName));
            new FlightRecordInfo(directory, _policy.Document.Name, hash, _policy.IsVision, _control.RateHz, _recorder.StartedUtc).Write(_recorder.FolderPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.InfoNotWritten(ex.Message);
        }
    }

    /// <summary>Tick thread: a state change. Queued for the recorder, counted, logged, and the session woken.</summary>
    private void OnTransition(FailsafeTransition transition)
    {
        _recorder?.EnqueueTransition(transition);
        _metrics.Transition(transition);
        _logger.Transition(transition.From, transition.To, transition.Action, transition.Reason);
        Wake();
    }

    /// <summary>Receive thread: a mode the adapter did not set ends policy control on the next tick.</summary>
    private void OnModeChanged(ModeChange change)
    {
        var state = _tick.Decision.State;
        if (!change.ByUs && state is FlightState.Armed or FlightState.TakingOff or FlightState.PolicyControl or FlightState.Holding or FlightState.Landing)
        {
            _tick.NotePilotModeChange();
            _logger.PilotTookOver(change.From.ToString(), change.To.ToString());
        }
    }

    /// <summary>Supervisor: the tick is stuck or failing. Hold through the async API (never a setpoint), and stop the machine.</summary>
    private void OnStall(double stalledMilliseconds)
    {
        _metrics.Stalled();
        _logger.TickStalled(stalledMilliseconds, _loop.Errors);
        Interlocked.CompareExchange(ref _stallStart, _time.GetTimestamp(), 0);
        _reason ??= "control tick stalled: supervisor commanded Hold";
        _tick.RequestStop(FailsafeAction.Hold);
        _ = HoldFromSupervisorAsync();
        Wake();
    }

    private async Task HoldFromSupervisorAsync()
    {
        try
        {
            await _autopilot.HoldAsync(CancellationToken.None);
        }
        catch (AutopilotException ex)
        {
            _logger.ActionFailed("Hold (supervisor)", ex.Message);
        }
    }
}
