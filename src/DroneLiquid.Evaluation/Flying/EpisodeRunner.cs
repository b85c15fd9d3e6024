using System.Numerics;
using DroneLiquid.Evaluation.Datasets;
using DroneLiquid.Evaluation.Episodes;
using DroneLiquid.Evaluation.Expert;
using DroneLiquid.Evaluation.Runs;
using DroneLiquid.Flight.Envelope;
using DroneLiquid.Flight.Frames;
using DroneLiquid.Flight.Observations;
using DroneLiquid.Flight.Policies;
using DroneLiquid.Liquid.Policies;
using DroneLiquid.Sensors.Camera;
using DroneLiquid.Sensors.Conversion;
using DroneLiquid.Sim.Core;
using DroneLiquid.Sim.Records;
using DroneLiquid.Sim.Simulation;
using SimVelocityNed = DroneLiquid.Sim.Frames.VelocityNed;
using VelocityFrd = DroneLiquid.Sim.Frames.VelocityFrd;

namespace DroneLiquid.Evaluation.Flying;

/// <summary>
/// Flies episodes closed loop, one at a time, for one worker thread: the simulator at its physics rate, the control
/// loop at the jittered camera rate with dropped frames (<see cref="ControlClock"/>), the snapshot from the navigation
/// estimate, the camera rendered only when a vision learner or an image dataset needs it, the expert's label, the
/// learner stepped through <see cref="FlightPolicy"/> on the real elapsed time, and the chosen command sent to the
/// flight controller. Optionally writes every sample to an <see cref="EpisodeWriter"/>. Owns its buffers; the learner
/// (if any) is reset at the start of each episode. Not thread-safe: one per worker.
/// </summary>
public sealed class EpisodeRunner
{
    private const ulong ClockStream = 0x434C4F434B; // "CLOCK"
    private const ulong NoiseStream = 0x4E4F495345; // "NOISE"
    private const ulong MixStream = 0x4D4958; // "MIX"
    private const int TrajectoryEveryRecordSamples = 10;

    private readonly EpisodeSettings _settings;
    private readonly FlightPolicy? _learner;
    private readonly ObservationBuilder _catalogue;
    private readonly float[] _raw;
    private readonly float[] _normalised;
    private readonly byte[] _rgb;
    private readonly float[] _depth;
    private readonly FrameToTensorConverter? _toTensor;

    public EpisodeRunner(EpisodeSettings settings, FlightPolicy? learner)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        settings.Validate();
        _learner = learner;
        _catalogue = new ObservationBuilder(AllFeatures());
        _raw = new float[_catalogue.Count];
        _normalised = new float[_catalogue.Count];
        int pixels = settings.HasCamera ? settings.ImageWidth * settings.ImageHeight : 0;
        _rgb = new byte[pixels * 3];
        _depth = new float[pixels];
        if (learner is not null)
        {
            CheckImage(settings, learner);
        }

        if (learner?.IsVision == true)
        {
            _toTensor = new FrameToTensorConverter(settings.ImageWidth, settings.ImageHeight, FramePixelFormat.Rgb24,
                new FrameTensorSpec { OutputWidth = settings.ImageWidth, OutputHeight = settings.ImageHeight });
        }
    }

    /// <summary>Throws when a vision policy's image is not the RGB image the episodes render.</summary>
    public static void CheckImage(EpisodeSettings settings, FlightPolicy learner)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(learner);
        if (learner.Perception is { } perception
            && (!settings.HasCamera || perception.Width != settings.ImageWidth || perception.Height != settings.ImageHeight || perception.Channels != 3))
        {
            throw new ArgumentException(
                $"policy '{learner.Document.Name}' takes a {perception.Channels}x{perception.Height}x{perception.Width} image, but the episodes render {(settings.HasCamera ? $"{settings.ImageWidth}x{settings.ImageHeight} RGB" : "no camera")}");
        }
    }

    /// <summary>Every ObservationCatalog feature in catalogue order, raw (mean 0, std 1): the dataset's feature columns.</summary>
    public static IReadOnlyList<ObservationInput> AllFeatures() =>
        Enum.GetValues<ObservationFeature>().Select(f => new ObservationInput(ObservationCatalog.NameOf(f), ObservationCatalog.UnitOf(f))).ToArray();

    /// <summary>The four expert actions, in record order, as ActionDecoder names them.</summary>
    public static IReadOnlyList<DatasetColumn> ActionColumns { get; } =
    [
        new("velocity_body_forward", "m/s"), new("velocity_body_right", "m/s"), new("velocity_body_down", "m/s"), new("yaw_rate", "rad/s"),
    ];

    /// <summary>Flies one episode to its end (success, crash or time limit).</summary>
    public EpisodeResult Fly(EpisodeSetup setup, PilotMix mix, EpisodeWriter? writer = null)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(mix);
        mix.Validate();
        if (_learner is null && mix.ExpertProbability < 1)
        {
            throw new ArgumentException("a pilot mix that lets a learner fly needs a learner policy");
        }

        var sim = new SimWorld(setup.Scenario, world: setup.World);
        var random = new SimRandom(setup.Layout.WorldSeed);
        var clock = new ControlClock(_settings, random.Fork(ClockStream));
        var noise = mix.NoiseStd > 0 ? new CommandNoise(mix.NoiseStd, random.Fork(NoiseStream)) : null;
        SimRandom mixRandom = random.Fork(MixStream);
        var expert = new ExpertPilot(setup.Plan, setup.Layout.TargetNed.Z);
        bool needImage = writer is not null ? _settings.HasCamera : _learner?.IsVision == true;
        bool needExpert = writer is not null || mix.ExpertProbability > 0 || mix.ExpertFallback;
        _learner?.Reset();

        double sinceSampleSeconds = 0;
        bool dropped = false;
        int samples = 0, droppedFrames = 0, learnerTicks = 0, faults = 0;
        Vector3 lastCommandNed = Vector3.Zero;
        double commandChange = 0;
        int commandChanges = 0;
        while (sim.Status == EpisodeStatus.Running)
        {
            double interval = clock.NextIntervalSeconds();
            sim.Step(interval);
            sinceSampleSeconds += interval;
            if (sim.Status != EpisodeStatus.Running)
            {
                break;
            }

            if (clock.NextFrameDropped())
            {
                dropped = true;
                droppedFrames++;
                continue;
            }

            // The companion computer's clock: the drawn intervals (the physics state it reads is at most one physics step older).
            float elapsed = (float)sinceSampleSeconds;
            sinceSampleSeconds = 0;
            FlightSnapshot snapshot = SnapshotReader.Read(sim);
            if (needImage)
            {
                sim.RenderCamera(_rgb, _depth);
            }

            ref readonly var truth = ref sim.Vehicle.State;
            float trueYaw = DroneLiquid.Sim.Frames.EulerAngles.FromQuaternion(truth.AttitudeFrdToNed).YawRadians;
            PolicyCommand label = needExpert ? expert.Command(truth.PositionNed, trueYaw, elapsed) : default;
            var flags = dropped ? SampleFlags.FrameDropped : SampleFlags.None;
            dropped = false;

            PolicyCommand command;
            bool expertFlies = _learner is null || (mix.ExpertProbability > 0 && mixRandom.NextDouble() < mix.ExpertProbability);
            PolicyStepStatus status = PolicyStepStatus.Ok;
            PolicyCommand learned = default;
            if (_learner is not null)
            {
                // The learner steps every tick, flying or not, so its memory follows the flight.
                if (_toTensor is not null)
                {
                    _toTensor.Convert(_rgb, _learner.Image);
                }

                status = _learner.TryStep(snapshot, elapsed, out learned);
            }

            if (!expertFlies && status == PolicyStepStatus.Ok)
            {
                command = learned;
                flags |= SampleFlags.LearnerInControl;
                learnerTicks++;
            }
            else if (!expertFlies && !mix.ExpertFallback)
            {
                command = PolicyCommand.BodyFrd(0f, 0f, 0f, 0f);
                faults++;
            }
            else
            {
                if (!expertFlies)
                {
                    flags |= SampleFlags.LearnerFault;
                    faults++;
                }

                command = noise is null ? label : noise.Perturb(label, elapsed);
                if (noise is not null)
                {
                    flags |= SampleFlags.Perturbed;
                }
            }

            if (writer is not null)
            {
                _catalogue.Build(snapshot, _raw, _normalised, out _);
                writer.Append(elapsed, _raw, label, flags, _rgb);
            }

            Vector3 commandNed = Send(sim, command, snapshot.YawRadians);
            if (samples > 0 && elapsed > 0)
            {
                commandChange += (commandNed - lastCommandNed).Length() / elapsed;
                commandChanges++;
            }

            lastCommandNed = commandNed;
            samples++;
        }

        return Result(setup, sim, samples, droppedFrames, learnerTicks, faults, commandChanges == 0 ? 0 : commandChange / commandChanges);
    }

    /// <summary>Sends a command to the flight controller; returns it as an NED velocity (for the smoothness figure).</summary>
    private static Vector3 Send(SimWorld sim, in PolicyCommand command, float yawRadians)
    {
        if (command.Frame == VelocityFrame.BodyFrd)
        {
            sim.Controller.SetVelocityBody(new VelocityFrd(command.X, command.Y, command.Z), command.YawRateRadiansPerSecond);
            var (sin, cos) = MathF.SinCos(yawRadians);
            return new Vector3((command.X * cos) - (command.Y * sin), (command.X * sin) + (command.Y * cos), command.Z);
        }

        sim.Controller.SetVelocityNedYawRate(new SimVelocityNed(command.X, command.Y, command.Z), command.YawRateRadiansPerSecond);
        return new Vector3(command.X, command.Y, command.Z);
    }

    private static EpisodeResult Result(EpisodeSetup setup, SimWorld sim, int samples, int droppedFrames, int learnerTicks, int faults, double commandChange)
    {
        FlightSummary summary = sim.Summary();
        EpisodeLayout layout = setup.Layout;
        double straight = Math.Round(layout.StraightLineMetres, 3);
        var trajectory = new List<double>();
        IReadOnlyList<FlightSample> recorded = sim.Recorder.Samples;
        for (int i = 0; i < recorded.Count; i += TrajectoryEveryRecordSamples)
        {
            trajectory.Add(Math.Round(recorded[i].PositionNed.X, 2));
            trajectory.Add(Math.Round(recorded[i].PositionNed.Y, 2));
        }

        if (recorded.Count > 0 && (recorded.Count - 1) % TrajectoryEveryRecordSamples != 0)
        {
            trajectory.Add(Math.Round(recorded[^1].PositionNed.X, 2));
            trajectory.Add(Math.Round(recorded[^1].PositionNed.Y, 2));
        }

        return new EpisodeResult(
            layout.Index,
            layout.WorldSeed,
            summary.Outcome,
            summary.Success,
            summary.Crash,
            summary.CrashReason,
            summary.TimeS,
            summary.Success ? summary.TimeS : null,
            summary.PathLengthM,
            straight,
            summary.Success && summary.PathLengthM > 0 ? Math.Round(Math.Min(1.0, straight / summary.PathLengthM), 4) : null,
            Math.Round(commandChange, 4),
            summary.MinClearanceM,
            summary.FinalDistanceToTargetM,
            samples,
            droppedFrames,
            learnerTicks,
            faults,
            [Math.Round(layout.StartNed.X, 3), Math.Round(layout.StartNed.Y, 3)],
            [Math.Round(layout.TargetNed.X, 3), Math.Round(layout.TargetNed.Y, 3)],
            trajectory);
    }
}
