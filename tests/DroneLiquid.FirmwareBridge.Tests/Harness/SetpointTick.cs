namespace DroneLiquid.FirmwareBridge.Tests.Harness;

/// <summary>
/// The caller's side of the setpoint stream in the scenarios: a timer on the simulation's clock calls
/// <see cref="IAutopilot.SendVelocity"/> once per period with the current setpoint (zero velocity by default) and,
/// between <see cref="Begin"/> and <see cref="End"/>, records what each call returned.
/// </summary>
internal sealed class SetpointTick : IDisposable
{
    private readonly IAutopilot _autopilot;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private List<SetpointResult>? _recording;
    private VelocitySetpoint _setpoint = VelocitySetpoint.Stop;
    private bool _stopped;

    public SetpointTick(IAutopilot autopilot, TimeProvider clock, double rateHz)
    {
        _autopilot = autopilot;
        _timer = clock.CreateTimer(static s => ((SetpointTick)s!).Send(), this, TimeSpan.Zero, TimeSpan.FromSeconds(1 / rateHz));
    }

    /// <summary>Sends <paramref name="setpoint"/> from the next period on and records the results.</summary>
    public void Begin(VelocitySetpoint setpoint)
    {
        lock (_gate)
        {
            _setpoint = setpoint;
            _recording = [];
        }
    }

    /// <summary>Back to zero velocity; returns what was recorded since <see cref="Begin"/>.</summary>
    public List<SetpointResult> End()
    {
        lock (_gate)
        {
            List<SetpointResult> results = _recording ?? [];
            _recording = null;
            _setpoint = VelocitySetpoint.Stop;
            return results;
        }
    }

    /// <summary>Stops the timer; a callback already on its way sends nothing (so nothing follows the last setpoint).</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _stopped = true;
        }

        _timer.Dispose();
    }

    private void Send()
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            SetpointResult result = _autopilot.SendVelocity(in _setpoint);
            _recording?.Add(result);
        }
    }
}
