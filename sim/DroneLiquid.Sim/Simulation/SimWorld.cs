using System.Numerics;
using DroneLiquid.Sim.Camera;
using DroneLiquid.Sim.Control;
using DroneLiquid.Sim.Core;
using DroneLiquid.Sim.Frames;
using DroneLiquid.Sim.Records;
using DroneLiquid.Sim.Scenarios;
using DroneLiquid.Sim.Sensors;
using DroneLiquid.Sim.Vehicle;
using DroneLiquid.Sim.Worlds;

namespace DroneLiquid.Sim.Simulation;

/// <summary>
/// The in-process lockstep simulator: vehicle, flight controller, sensors, wind, battery, world and optional
/// camera advanced together at a fixed physics rate by <see cref="Step"/>, with a simulated clock
/// (<see cref="Clock"/>, a <see cref="TimeProvider"/>) that moves only when the simulation does.
/// A run is a pure function of the scenario (its seed) and the calls made on it. Stepping allocates nothing
/// (after start-up) unless an event is recorded.
/// </summary>
public sealed class SimWorld
{
    private readonly SimWorldOptions _options;
    private readonly double _physicsDt;
    private readonly int _recordEveryTicks;
    private readonly List<SimEvent> _pending;
    private int _nextPending;
    private double _accumulatorSeconds;
    private long _ticks;
    private double _freezeUntilSeconds = double.NegativeInfinity;
    private Vector3 _lastPosition;
    private FlightMode _lastMode;
    private bool _lastArmed;
    private bool _lastLanded = true;
    private double _endSeconds = double.NaN;
    private int _touchdownsSeen;

    public SimWorld(Scenario scenario, SimWorldOptions? options = null, World? world = null)
    {
        _options = options ?? new SimWorldOptions();
        _options.Validate();
        Scenario = scenario;
        World = world ?? WorldFactory.Create(scenario);
        _physicsDt = 1.0 / _options.PhysicsRateHz;
        _recordEveryTicks = Math.Max(1, (int)Math.Round(_options.PhysicsRateHz / _options.RecordRateHz));
        var random = new SimRandom(scenario.Seed);
        Clock = new SimTimeProvider(_options.Epoch);
        Vehicle = new QuadrotorDynamics(_options.Vehicle, InitialState(scenario, _options.Vehicle));
        Battery = new Battery(_options.Vehicle.Battery);
        Wind = new WindModel(scenario.WindMeanNed, scenario.GustStdMetresPerSecond, scenario.GustTimeConstantSeconds, random.Fork(1));
        Sensors = new SensorSuite(_options.Noise, random.Fork(2), _options.ImuRateHz);
        Controller = new FlightController(_options.Vehicle, _options.Tuning, new Vector3(scenario.StartNed.X, scenario.StartNed.Y, 0f));
        Camera = scenario.Camera is null ? null : new ForwardCamera(scenario.Camera, World);
        Recorder = new FlightRecorder((int)(scenario.TimeLimitSeconds * _options.RecordRateHz) + 64);
        _pending = new List<SimEvent>(scenario.Events.Count + 16);
        _pending.AddRange(scenario.Events);
        _lastPosition = scenario.StartNed;
        Sensors.Update(0, (float)_physicsDt, in Vehicle.State, Vector3.Zero, Battery);
        Controller.Update(0, (float)_physicsDt, Sensors.Estimate);
        if (!Vehicle.Landed)
        {
            // A start in the air begins armed and holding, motors at hover speed.
            Controller.ForceAirborneStart();
            Controller.Hold();
        }

        MinClearanceMetres = World.Clearance(scenario.StartNed);
        RecordSample(MinClearanceMetres);
    }

    public Scenario Scenario { get; }

    public World World { get; }

    /// <summary>Simulated time: advances only in <see cref="Step"/>; hand it to anything that takes a TimeProvider.</summary>
    public SimTimeProvider Clock { get; }

    public double ElapsedSeconds => _ticks * _physicsDt;

    public double PhysicsStepSeconds => _physicsDt;

    public QuadrotorDynamics Vehicle { get; }

    public FlightController Controller { get; }

    public SensorSuite Sensors { get; }

    public WindModel Wind { get; }

    public Battery Battery { get; }

    public ForwardCamera? Camera { get; }

    public FlightRecorder Recorder { get; }

    public EpisodeStatus Status { get; private set; }

    public string? CrashReason { get; private set; }

    public double PathLengthMetres { get; private set; }

    /// <summary>Smallest obstacle clearance seen so far (sampled at the record rate and at every collision check), metres.</summary>
    public float MinClearanceMetres { get; private set; }

    public float DistanceToTargetMetres => Vector3.Distance(Vehicle.State.PositionNed, World.TargetNed);

    /// <summary>Advances the simulation by <paramref name="dtSeconds"/> in fixed physics steps (a remainder carries over to the next call).</summary>
    public void Step(double dtSeconds)
    {
        if (!double.IsFinite(dtSeconds) || dtSeconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(dtSeconds), dtSeconds, "dtSeconds must be finite and not negative");
        }

        _accumulatorSeconds += dtSeconds;
        while (_accumulatorSeconds >= _physicsDt - 1e-12)
        {
            _accumulatorSeconds -= _physicsDt;
            Tick();
        }
    }

    /// <summary>Schedules an event (at its time, or at once if that has passed).</summary>
    public void Inject(SimEvent simEvent)
    {
        int index = _pending.Count;
        while (index > _nextPending && _pending[index - 1].TimeSeconds > simEvent.TimeSeconds)
        {
            index--;
        }

        _pending.Insert(index, simEvent);
    }

    /// <summary>Renders the camera from the vehicle's true pose into caller-owned buffers.</summary>
    public void RenderCamera(Span<byte> rgb24, Span<float> depthMetres)
    {
        ForwardCamera camera = Camera ?? throw new InvalidOperationException("this scenario has no camera");
        camera.Render(Vehicle.State.PositionNed, Vehicle.State.AttitudeFrdToNed, rgb24, depthMetres);
    }

    public FlightSummary Summary() => new(
        Status == EpisodeStatus.Succeeded,
        Status == EpisodeStatus.Crashed,
        Status.ToString().ToLowerInvariant(),
        CrashReason,
        Math.Round(double.IsNaN(_endSeconds) ? ElapsedSeconds : _endSeconds, 3),
        Math.Round(PathLengthMetres, 3),
        Math.Round(MinClearanceMetres, 3),
        Math.Round(DistanceToTargetMetres, 3),
        Recorder.Events);

    private void Tick()
    {
        double now = ElapsedSeconds;
        float dt = (float)_physicsDt;
        ApplyDueEvents(now);
        bool physics = Status == EpisodeStatus.Running || !_options.StopOnEpisodeEnd;
        if (physics)
        {
            Vector4 throttles = Controller.Update(now, dt, Sensors.Estimate);
            Vehicle.SetThrottles(throttles, Battery.VoltageRatio, Controller.Armed);
            Vector3 wind = Wind.Advance(now, dt);
            Vehicle.Step(dt, wind);
            Battery.Update(Vehicle.SumThrustToThreeHalves, _physicsDt);
        }

        _ticks++;
        now = ElapsedSeconds;
        Clock.Advance(TimeSpan.FromTicks((long)Math.Round(now * TimeSpan.TicksPerSecond)) - TimeSpan.FromTicks(Clock.GetTimestamp()));
        if (!physics)
        {
            return;
        }

        Sensors.Frozen = now < _freezeUntilSeconds;
        Sensors.Update(now, dt, in Vehicle.State, Vehicle.AccelerationNed, Battery);
        Vector3 position = Vehicle.State.PositionNed;
        PathLengthMetres += Vector3.Distance(position, _lastPosition);
        _lastPosition = position;
        CheckEpisode(now);
        TrackController(now);
        if (_ticks % _recordEveryTicks == 0)
        {
            float clearance = World.Clearance(position);
            MinClearanceMetres = MathF.Min(MinClearanceMetres, clearance);
            RecordSample(clearance);
        }
    }

    private void CheckEpisode(double now)
    {
        ref readonly QuadrotorState s = ref Vehicle.State;
        if (Status != EpisodeStatus.Running)
        {
            return;
        }

        if (!s.IsFinite)
        {
            End(now, EpisodeStatus.Crashed, "the vehicle state became non-finite");
            return;
        }

        if (World.Collides(s.PositionNed, _options.Vehicle.CollisionRadiusMetres, out int obstacle))
        {
            MinClearanceMetres = MathF.Min(MinClearanceMetres, World.Obstacles[obstacle].SignedDistance(s.PositionNed));
            End(now, EpisodeStatus.Crashed, $"collision with obstacle {obstacle} ({World.Obstacles[obstacle].Shape.ToString().ToLowerInvariant()})");
            return;
        }

        if (Vehicle.TouchdownCount > _touchdownsSeen)
        {
            _touchdownsSeen = Vehicle.TouchdownCount;
            QuadrotorParameters p = _options.Vehicle;
            if (Vehicle.LastTouchdownSpeedMetresPerSecond > p.GroundCrashSpeedMetresPerSecond)
            {
                End(now, EpisodeStatus.Crashed, $"hit the ground at {Vehicle.LastTouchdownSpeedMetresPerSecond:F2} m/s (limit {p.GroundCrashSpeedMetresPerSecond:F2})");
                return;
            }

            if (Vehicle.LastTouchdownTiltRadians > p.GroundCrashTiltRadians)
            {
                End(now, EpisodeStatus.Crashed, $"touched the ground tilted {Vehicle.LastTouchdownTiltRadians:F2} rad (limit {p.GroundCrashTiltRadians:F2})");
                return;
            }
        }

        if (DistanceToTargetMetres <= Scenario.SuccessRadiusMetres)
        {
            End(now, EpisodeStatus.Succeeded, "reached the target");
            return;
        }

        if (now >= Scenario.TimeLimitSeconds)
        {
            End(now, EpisodeStatus.TimedOut, $"time limit {Scenario.TimeLimitSeconds:0.###} s");
        }
    }

    private void End(double now, EpisodeStatus status, string detail)
    {
        Status = status;
        _endSeconds = now;
        if (status == EpisodeStatus.Crashed)
        {
            CrashReason = detail;
        }

        Log(now, status.ToString().ToLowerInvariant(), detail);
    }

    private void ApplyDueEvents(double now)
    {
        while (_nextPending < _pending.Count && _pending[_nextPending].TimeSeconds <= now + 1e-9)
        {
            SimEvent e = _pending[_nextPending++];
            switch (e.Kind)
            {
                case SimEventKind.WindGust:
                    Wind.AddGust(e.WindNed, now, e.DurationSeconds);
                    Log(now, e.KindName, $"peak NED ({e.WindNed.X:0.##}, {e.WindNed.Y:0.##}, {e.WindNed.Z:0.##}) m/s for {e.DurationSeconds:0.##} s");
                    break;
                case SimEventKind.SensorFreeze:
                    _freezeUntilSeconds = Math.Max(_freezeUntilSeconds, now + e.DurationSeconds);
                    Log(now, e.KindName, $"published sensors frozen for {e.DurationSeconds:0.##} s");
                    break;
                default:
                    Battery.DrainTo(e.RemainingFraction);
                    Log(now, e.KindName, $"battery remaining set to {e.RemainingFraction:0.###}");
                    break;
            }
        }
    }

    private void TrackController(double now)
    {
        if (Controller.Armed != _lastArmed)
        {
            _lastArmed = Controller.Armed;
            Log(now, _lastArmed ? "armed" : "disarmed", string.Empty);
        }

        if (Controller.Mode != _lastMode)
        {
            _lastMode = Controller.Mode;
            Log(now, "mode", _lastMode.ToString().ToLowerInvariant());
        }

        if (Controller.Landed != _lastLanded)
        {
            _lastLanded = Controller.Landed;
            Log(now, _lastLanded ? "landing_detected" : "takeoff_detected", string.Empty);
        }
    }

    private void Log(double now, string kind, string detail)
    {
        Vector3 p = Vehicle.State.PositionNed;
        Recorder.Add(new FlightEvent(Math.Round(now, 4), kind, detail, MathF.Round(p.X, 3), MathF.Round(p.Y, 3)));
    }

    private static QuadrotorState InitialState(Scenario scenario, QuadrotorParameters p)
    {
        QuadrotorState state = QuadrotorState.AtRest(scenario.StartNed, scenario.StartYawRadians);
        if (scenario.StartNed.Z < -0.3f)
        {
            float hover = MathF.Sqrt(p.HoverThrustNewtons / (4f * p.ThrustCoefficient));
            state.MotorSpeedsRadiansPerSecond = new Vector4(hover);
        }

        return state;
    }

    private void RecordSample(float clearanceMetres)
    {
        ref readonly QuadrotorState s = ref Vehicle.State;
        EulerAngles euler = EulerAngles.FromQuaternion(s.AttitudeFrdToNed);
        Recorder.Add(new FlightSample(ElapsedSeconds, s.PositionNed, s.VelocityNed, euler.RollRadians, euler.PitchRadians, euler.YawRadians,
            clearanceMetres, Battery.RemainingFraction, Controller.Mode, Controller.Armed));
    }
}
