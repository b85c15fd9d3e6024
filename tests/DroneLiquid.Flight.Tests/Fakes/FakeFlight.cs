using DroneLiquid.Flight.Failsafe;
using Microsoft.Extensions.Time.Testing;

namespace DroneLiquid.Flight.Tests.Fakes;

/// <summary>
/// A scripted flight for failsafe scenarios: a FakeTimeProvider clock, healthy flags, and helpers that advance
/// time tick by tick and update the machine, as PX4's failsafe_test does.
/// </summary>
internal sealed class FakeFlight
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
    private readonly long _start;

    public FakeFlight(FailsafeOptions? options = null)
    {
        _start = _time.GetTimestamp();
        Machine = new FailsafeStateMachine(options ?? new FailsafeOptions(), t => Logged.Add(t));
        Flags = new FlightFlags { SensorsFresh = true };
    }

    public FailsafeStateMachine Machine { get; }

    public List<FailsafeTransition> Logged { get; } = [];

    public FlightFlags Flags;

    public FailsafeDecision Last { get; private set; }

    public TimeSpan Now => _time.GetElapsedTime(_start);

    /// <summary>Advances the clock by <paramref name="step"/> and updates once.</summary>
    public FailsafeDecision Step(TimeSpan step)
    {
        _time.Advance(step);
        Flags.HeartbeatAge = TimeSpan.Zero;
        return Last = Machine.Update(Now, Flags);
    }

    /// <summary>Advances the clock by <paramref name="duration"/> in 20 ms ticks, with a heartbeat age that grows when <paramref name="heartbeatLostSince"/> is set.</summary>
    public FailsafeDecision Run(TimeSpan duration, TimeSpan? heartbeatLostSince = null)
    {
        var end = Now + duration;
        while (Now < end)
        {
            _time.Advance(TimeSpan.FromMilliseconds(20));
            Flags.HeartbeatAge = heartbeatLostSince is { } since ? Now - since : TimeSpan.Zero;
            Last = Machine.Update(Now, Flags);
        }

        return Last;
    }

    /// <summary>Start, arm, take off and reach altitude: ends in PolicyControl.</summary>
    public void FlyToPolicyControl()
    {
        Flags.StartRequested = true;
        Assert.Equal(FlightState.Preflight, Step(TimeSpan.FromMilliseconds(20)).State);
        Assert.Equal(FlightState.Preflight, Step(TimeSpan.FromSeconds(1)).State);
        Flags.Armed = true;
        Assert.Equal(FlightState.Armed, Step(TimeSpan.FromMilliseconds(20)).State);
        Assert.Equal(FlightState.TakingOff, Step(TimeSpan.FromMilliseconds(20)).State);
        Assert.Equal(FlightState.TakingOff, Run(TimeSpan.FromSeconds(3)).State);
        Flags.TakeoffAltitudeReached = true;
        Assert.Equal(new FailsafeDecision(FlightState.PolicyControl, FailsafeAction.None, FailsafeTrigger.None), Step(TimeSpan.FromMilliseconds(20)));
    }
}
