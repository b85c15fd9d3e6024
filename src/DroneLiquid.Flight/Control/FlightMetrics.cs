using System.Diagnostics.Metrics;
using DroneLiquid.Flight.Failsafe;

namespace DroneLiquid.Flight.Control;

/// <summary>
/// The control loop's instruments on the Meter <see cref="MeterName"/>, readable with
/// <c>dotnet-counters monitor -n droneliquid --counters DroneLiquid.Flight</c>: tick latency (µs histogram),
/// deadline misses, setpoints sent, envelope interventions, failsafe transitions, supervisor stalls and the
/// flight state (gauge, <see cref="FlightState"/> as a number). Recording takes no tags, so the tick path
/// allocates nothing.
/// </summary>
public sealed class FlightMetrics : IDisposable
{
    /// <summary>The Meter's name.</summary>
    public const string MeterName = "DroneLiquid.Flight";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Histogram<double> _tickLatency;
    private readonly Counter<long> _deadlineMisses;
    private readonly Counter<long> _setpointsSent;
    private readonly Counter<long> _interventions;
    private readonly Counter<long> _failsafes;
    private readonly Counter<long> _stalls;
    private int _state;

    /// <summary>Creates the instruments on a Meter from <paramref name="meterFactory"/> (the host's), or on an own Meter.</summary>
    public FlightMetrics(IMeterFactory? meterFactory = null)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _tickLatency = _meter.CreateHistogram<double>("droneliquid.flight.tick.latency", "us", "Time from the start of a tick to its end (setpoint handed to the link).");
        _deadlineMisses = _meter.CreateCounter<long>("droneliquid.flight.tick.deadline_misses", "{tick}", "Ticks that ended after their deadline (one period).");
        _setpointsSent = _meter.CreateCounter<long>("droneliquid.flight.setpoints.sent", "{setpoint}", "Velocity setpoints the autopilot link accepted.");
        _interventions = _meter.CreateCounter<long>("droneliquid.flight.envelope.interventions", "{tick}", "Ticks on which the safety envelope changed the policy's command.");
        _failsafes = _meter.CreateCounter<long>("droneliquid.flight.failsafes", "{transition}", "State transitions caused by a failsafe trigger.");
        _stalls = _meter.CreateCounter<long>("droneliquid.flight.supervisor.stalls", "{stall}", "Stalled ticks the supervisor stopped the vehicle for.");
        _meter.CreateObservableGauge("droneliquid.flight.state", () => Volatile.Read(ref _state), "{state}", "The flight state (FlightState as a number).");
    }

    /// <summary>The Meter holding the instruments.</summary>
    public Meter Meter => _meter;

    internal void TickCompleted(double latencyMicroseconds, bool deadlineMissed)
    {
        _tickLatency.Record(latencyMicroseconds);
        if (deadlineMissed)
        {
            _deadlineMisses.Add(1);
        }
    }

    internal void SetpointSent() => _setpointsSent.Add(1);

    internal void EnvelopeIntervened() => _interventions.Add(1);

    internal void Transition(in FailsafeTransition transition)
    {
        Volatile.Write(ref _state, (int)transition.To);
        if (transition.Kind == TransitionKind.Failsafe)
        {
            _failsafes.Add(1);
        }
    }

    internal void Stalled() => _stalls.Add(1);

    /// <summary>Disposes the Meter when this object created it.</summary>
    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
