using DroneLiquid.Flight.Envelope;
using DroneLiquid.Flight.Failsafe;
using DroneLiquid.Flight.Frames;
using DroneLiquid.Flight.Observations;
using DroneLiquid.Flight.Policies;
using DroneLiquid.Flight.Recorder;
using DroneLiquid.FirmwareBridge;
using DroneLiquid.Mavlink.Messages;
using DroneLiquid.Sensors;
using DroneLiquid.Sensors.Camera;
using DroneLiquid.Sensors.Conversion;

namespace DroneLiquid.Flight.Control;

/// <summary>
/// One control tick, allocation-free after construction: telemetry → <see cref="FlightSnapshot"/> (staleness from
/// the arrival timestamps) → camera frame into the policy's image (vision) → policy step on the real time since
/// the last successful step → safety envelope → failsafe update → a velocity setpoint only when the state is
/// PolicyControl and this tick produced a fresh output (fail closed: nothing is ever re-sent) → recorder → metrics.
/// Runs on the tick thread only; the session talks to it through the volatile request fields.
/// </summary>
internal sealed class ControlTick
{
    private readonly IAutopilot _autopilot;
    private readonly FlightPolicy _policy;
    private readonly ICameraSource? _camera;
    private readonly FrameToTensorConverter? _converter;
    private readonly FlightPlan _plan;
    private readonly SafetyEnvelope _envelope;
    private readonly FailsafeStateMachine _machine;
    private readonly FlightRecorder? _recorder;
    private readonly FlightMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly long _staleAfterTicks;
    private readonly long _periodTicks;
    private readonly float _periodSeconds;
    private readonly bool _needsImu;
    private readonly float _fenceRadius;
    private readonly float _ceiling;
    private readonly float _batteryLow;
    private readonly float _batteryCritical;
    private readonly float[] _raw;
    private readonly float[] _normalised;
    private readonly long _flightStart;
    private FlightFlags _flags;
    private long _lastStep;
    private bool _hasStepped;
    private bool _envelopeNeedsReset = true;
    private int _consecutiveMisses;
    private PositionNed _lastPosition;
    private bool _hasLastPosition;
    private volatile bool _pilotModeChanged;
    private volatile bool _velocityControlStarted;
    private volatile int _stopAction;
    private volatile int _decision;

    public ControlTick(
        IAutopilot autopilot, FlightPolicy policy, ICameraSource? camera, FlightPlan plan, ControlOptions control,
        EnvelopeOptions envelope, FailsafeOptions failsafe, FlightRecorder? recorder, FlightMetrics metrics, TimeProvider time,
        Action<FailsafeTransition> onTransition)
    {
        _autopilot = autopilot;
        _policy = policy;
        _camera = camera;
        _plan = plan;
        _recorder = recorder;
        _metrics = metrics;
        _time = time;
        if (policy.Perception is { } perception)
        {
            if (camera is null)
            {
                throw new ArgumentException($"policy '{policy.Document.Name}' is a vision policy: it needs a camera source", nameof(camera));
            }

            _converter = new FrameToTensorConverter(camera.Width, camera.Height, camera.Format, new FrameTensorSpec { OutputWidth = perception.Width, OutputHeight = perception.Height });
        }

        _envelope = new SafetyEnvelope(envelope);
        // The decision is published before the callback runs: a session woken by it must read the new state.
        _machine = new FailsafeStateMachine(failsafe, transition =>
        {
            _decision = Pack(new FailsafeDecision(transition.To, transition.Action, transition.Trigger));
            onTransition(transition);
        });
        _staleAfterTicks = (long)(control.SensorStaleAfter.TotalSeconds * time.TimestampFrequency);
        _periodTicks = (long)(control.Period.TotalSeconds * time.TimestampFrequency);
        _periodSeconds = (float)control.Period.TotalSeconds;
        _needsImu = Enumerable.Range(0, policy.Observations.Count).Any(i => policy.Observations.FeatureAt(i) >= ObservationFeature.GyroX);
        _fenceRadius = envelope.GeofenceRadiusMetres;
        _ceiling = envelope.MaxAltitudeMetres;
        _batteryLow = control.BatteryLowFraction;
        _batteryCritical = control.BatteryCriticalFraction;
        _raw = new float[policy.Observations.Count];
        _normalised = new float[policy.Observations.Count];
        _flags.StartRequested = true;
        _flightStart = time.GetTimestamp();
    }

    /// <summary>The state machine (tick thread only; the session reads <see cref="Decision"/>).</summary>
    public FailsafeStateMachine Machine => _machine;

    /// <summary>The last decision, readable from any thread.</summary>
    public FailsafeDecision Decision
    {
        get
        {
            int packed = _decision;
            return new FailsafeDecision((FlightState)(packed & 0xff), (FailsafeAction)((packed >> 8) & 0xff), (FailsafeTrigger)((packed >> 16) & 0xff));
        }
    }

    private static int Pack(FailsafeDecision decision) => (int)decision.State | ((int)decision.Action << 8) | ((int)decision.Trigger << 16);

    public long Ticks { get; private set; }

    public long SetpointsSent { get; private set; }

    public long DeadlineMisses { get; private set; }

    public long Interventions { get; private set; }

    public float DistanceFlownMetres { get; private set; }

    public float ClosestToTargetMetres { get; private set; } = float.PositiveInfinity;

    /// <summary>The latest horizontal distance to the target, speed and altitude (progress reports; torn reads are harmless).</summary>
    public (float Distance, float Speed, float Altitude) Latest { get; private set; }

    /// <summary>The autopilot confirmed velocity control: take-off is complete and the policy may fly.</summary>
    public void MarkVelocityControlStarted() => _velocityControlStarted = true;

    /// <summary>The autopilot changed mode without us: hand back on the next tick.</summary>
    public void NotePilotModeChange() => _pilotModeChanged = true;

    /// <summary>Asks the machine to stop with <paramref name="action"/> (the most severe asked stays).</summary>
    public void RequestStop(FailsafeAction action)
    {
        int current;
        do
        {
            current = _stopAction;
            if ((int)action <= current)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _stopAction, (int)action, current) != current);
    }

    /// <summary>Runs one tick that was due at <paramref name="dueTimestamp"/> (<see cref="TimeProvider.GetTimestamp"/>).</summary>
    public void Run(long dueTimestamp)
    {
        long start = _time.GetTimestamp();
        var t = _autopilot.Telemetry;
        var position = new PositionNed(t.NorthMetres, t.EastMetres, t.DownMetres);
        var velocity = new VelocityNed(t.NorthMetresPerSecond, t.EastMetresPerSecond, t.DownMetresPerSecond);
        bool positionFresh = Fresh(t.PositionTimestamp, start);
        bool fresh = positionFresh && Fresh(t.AttitudeTimestamp, start) && (!_needsImu || Fresh(t.ImuTimestamp, start));
        fresh &= ReadCamera();
        var snapshot = new FlightSnapshot(
            position, velocity, t.RollRadians, t.PitchRadians, t.YawRadians,
            t.GyroXRadiansPerSecond, t.GyroYRadiansPerSecond, t.GyroZRadiansPerSecond,
            t.AccelXMetresPerSecondSquared, t.AccelYMetresPerSecondSquared, t.AccelZMetresPerSecondSquared,
            _plan.TargetNed);

        PolicyStepStatus? step = null;
        float elapsed = 0f;
        EnvelopeOutput output = default;
        bool inPolicyControl = _machine.State == FlightState.PolicyControl;
        if (inPolicyControl && fresh)
        {
            elapsed = _hasStepped ? (float)((double)(start - _lastStep) / _time.TimestampFrequency) : _periodSeconds;
            var status = _policy.TryStep(snapshot, elapsed, out var command);
            step = status;
            if (status == PolicyStepStatus.Ok)
            {
                if (_envelopeNeedsReset)
                {
                    // Policy control (re)starts: the acceleration limit counts from the vehicle's own velocity.
                    _envelope.Reset(velocity);
                    _envelopeNeedsReset = false;
                }

                _lastStep = start;
                _hasStepped = true;
                output = _envelope.Apply(command, new VehicleState(position, velocity, t.YawRadians), elapsed);
            }
        }

        _envelopeNeedsReset |= !inPolicyControl;
        float distance = Horizontal(_plan.TargetNed.NorthMetres - position.NorthMetres, _plan.TargetNed.EastMetres - position.EastMetres);
        _flags.HeartbeatAge = t.HeartbeatTimestamp == 0 ? TimeSpan.MaxValue : TimeSpan.FromTicks((long)((start - t.HeartbeatTimestamp) * (double)TimeSpan.TicksPerSecond / _time.TimestampFrequency));
        _flags.Armed = t.Armed;
        _flags.TakeoffAltitudeReached = _velocityControlStarted;
        _flags.LandedDetected = t.LandedState == MavLandedState.OnGround || !t.Armed;
        _flags.SensorsFresh = fresh;
        // A network that gives NaN, or outputs that decode to infinity, are both a broken policy.
        _flags.PolicyOutputNonFinite = step == PolicyStepStatus.NonFiniteOutput || (output.Interventions & EnvelopeInterventions.NonFiniteCommand) != 0;
        _flags.ConsecutiveDeadlineMisses = _consecutiveMisses;
        _flags.GeofenceBreached = positionFresh && (position.HorizontalDistance > _fenceRadius || position.AltitudeMetres > _ceiling);
        _flags.PilotModeChanged = _pilotModeChanged;
        _flags.BatteryLow = t.BatteryTimestamp != 0 && t.BatteryRemainingFraction < _batteryLow;
        _flags.BatteryCritical = t.BatteryTimestamp != 0 && t.BatteryRemainingFraction < _batteryCritical;
        _flags.TargetReached = positionFresh && distance <= _plan.TargetRadiusMetres;
        _flags.StopAction = (FailsafeAction)_stopAction;
        var decision = _machine.Update(_time.GetElapsedTime(_flightStart, start), _flags);
        _decision = Pack(decision);

        VelocityNed sent = default;
        float sentYawRate = 0f;
        if (decision.State == FlightState.PolicyControl && step == PolicyStepStatus.Ok)
        {
            var result = _autopilot.SendVelocity(new VelocitySetpoint(SetpointFrame.LocalNed, output.VelocityNed.NorthMetresPerSecond, output.VelocityNed.EastMetresPerSecond, output.VelocityNed.DownMetresPerSecond, output.YawRateRadiansPerSecond));
            if (result == SetpointResult.Sent)
            {
                (sent, sentYawRate) = (output.VelocityNed, output.YawRateRadiansPerSecond);
                SetpointsSent++;
                _metrics.SetpointSent();
            }

            if (output.Intervened)
            {
                Interventions++;
                _metrics.EnvelopeIntervened();
            }
        }

        Record(start, elapsed, snapshot, step, sent, sentYawRate, output.Interventions, decision);
        Track(position, velocity, distance, decision.State, positionFresh);
        long end = _time.GetTimestamp();
        bool missed = end - dueTimestamp > _periodTicks;
        _consecutiveMisses = missed ? _consecutiveMisses + 1 : 0;
        DeadlineMisses += missed ? 1 : 0;
        Ticks++;
        _metrics.TickCompleted((double)(end - start) * 1e6 / _time.TimestampFrequency, missed);
    }

    private bool Fresh(long timestamp, long now) => timestamp != 0 && now - timestamp <= _staleAfterTicks;

    private static float Horizontal(float north, float east) => MathF.Sqrt((north * north) + (east * east));

    /// <summary>A vision policy's camera: converts a new frame into the policy's image; false when there is no usable frame.</summary>
    private bool ReadCamera()
    {
        if (_converter is null)
        {
            return true;
        }

        var reading = _camera!.AcquireLatest();
        if (reading.Frame is not { } frame || reading.Health != SensorHealth.Ok)
        {
            return false;
        }

        if (reading.IsNew)
        {
            try
            {
                _converter.Convert(frame.Data, _policy.Image);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidDataException)
            {
                // A frame of the wrong size or a corrupt JPEG: treated as no frame, the failsafe decides.
                return false;
            }
        }

        return true;
    }

    private void Record(long now, float elapsed, in FlightSnapshot snapshot, PolicyStepStatus? step, VelocityNed sent, float sentYawRate, EnvelopeInterventions interventions, FailsafeDecision decision)
    {
        if (_recorder is null)
        {
            return;
        }

        ReadOnlySpan<float> observations = _policy.RawObservations;
        if (step is null)
        {
            _policy.Observations.Build(snapshot, _raw, _normalised, out _);
            observations = _raw;
        }

        long micros = (_time.GetUtcNow().UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
        var sample = new TickSample(micros, elapsed, sent, sentYawRate, interventions, decision.State, decision.Action, step);
        _recorder.EnqueueTick(sample, observations, _policy.Features, _policy.Outputs);
    }

    private void Track(PositionNed position, VelocityNed velocity, float distance, FlightState state, bool positionFresh)
    {
        if (!positionFresh || !position.IsFinite)
        {
            return;
        }

        bool flying = state is FlightState.Armed or FlightState.TakingOff or FlightState.PolicyControl or FlightState.Holding or FlightState.Landing;
        if (flying && _hasLastPosition)
        {
            DistanceFlownMetres += Horizontal(position.NorthMetres - _lastPosition.NorthMetres, position.EastMetres - _lastPosition.EastMetres);
        }

        _lastPosition = position;
        _hasLastPosition = flying;
        if (flying)
        {
            ClosestToTargetMetres = MathF.Min(ClosestToTargetMetres, distance);
        }

        Latest = (distance, velocity.HorizontalSpeed, position.AltitudeMetres);
    }
}
