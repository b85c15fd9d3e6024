using DroneLiquid.Flight.Envelope;
using DroneLiquid.Flight.Observations;
using DroneLiquid.Liquid.Models;
using DroneLiquid.Liquid.Policies;
using DroneLiquid.Liquid.Sessions;
using DroneLiquid.Perception.Onnx;
using DroneLiquid.Perception.Vision;

namespace DroneLiquid.Flight.Policies;

/// <summary>
/// A policy folder ready to fly: observations built from a <see cref="FlightSnapshot"/> per policy.json, one
/// liquid step on the real elapsed time (after the perception CNN for a vision policy, which reads
/// <see cref="Image"/>), and the outputs decoded into a <see cref="PolicyCommand"/>. The flight tick, replay,
/// training and evaluation all step policies through this class, so they cannot disagree on what a policy
/// sees. Opening allocates; <see cref="TryStep"/> does not. Not thread-safe: one per control loop.
/// <para>
/// A vision policy's liquid input starts with the perception network's <see cref="FeatureCount"/> features (as
/// the CNN gives them, without normalisation); policy.json lists only the observations after them, computed from
/// the <see cref="FlightSnapshot"/>.
/// </para>
/// </summary>
public sealed class FlightPolicy : IDisposable
{
    private readonly LiquidSession? _session;
    private readonly VisionPolicy? _vision;
    private readonly float[] _raw;
    private readonly float[] _normalised;
    private readonly float[] _outputs;
    private readonly float[] _liquidInput;

    private FlightPolicy(string directory, PolicyDocument document, LiquidSession? session, VisionPolicy? vision)
    {
        Directory = directory;
        Document = document;
        _session = session;
        _vision = vision;
        int features = vision?.Spec.FeatureCount ?? 0;
        Observations = new ObservationBuilder(document.Observations);
        Actions = new ActionDecoder(document.Actions);
        var model = (vision?.Session ?? session!).Model;
        int observationWidth = vision?.ObservationCount ?? model.InputSize;
        if (observationWidth != Observations.Count)
        {
            throw new PolicyFormatException([$"{Path.Combine(directory, PolicyFolder.PolicyFileName)}: observations lists {Observations.Count} observations" +
                (vision is null ? string.Empty : $" after the {features} image features") + $" but the network takes {observationWidth}"]);
        }

        if (model.OutputSize != Actions.Count)
        {
            throw new PolicyFormatException([$"{Path.Combine(directory, PolicyFolder.PolicyFileName)}: actions lists {Actions.Count} but the network gives {model.OutputSize} outputs"]);
        }

        _raw = new float[Observations.Count];
        _normalised = new float[Observations.Count];
        _outputs = new float[model.OutputSize];
        _liquidInput = new float[model.InputSize];
    }

    /// <summary>The folder the policy was read from.</summary>
    public string Directory { get; }

    public PolicyDocument Document { get; }

    public ObservationBuilder Observations { get; }

    public ActionDecoder Actions { get; }

    /// <summary>The camera image the perception network takes, or null for a state policy.</summary>
    public PerceptionSpec? Perception => _vision?.Spec;

    /// <summary>True when the policy needs a camera frame in <see cref="Image"/> before each step.</summary>
    public bool IsVision => _vision is not null;

    /// <summary>The image buffer (NCHW floats) of a vision policy; empty for a state policy.</summary>
    public Span<float> Image => _vision is null ? Span<float>.Empty : _vision.Image;

    /// <summary>The raw observations of the last step attempt (for the flight recorder).</summary>
    public ReadOnlySpan<float> RawObservations => _raw;

    /// <summary>The normalised inputs of the last step attempt.</summary>
    public ReadOnlySpan<float> NormalisedObservations => _normalised;

    /// <summary>The image features of the last step of a vision policy (the CNN's output); empty for a state policy.</summary>
    public ReadOnlySpan<float> Features => _vision is null ? ReadOnlySpan<float>.Empty : _vision.Features;

    /// <summary>Image features per step (0 for a state policy).</summary>
    public int FeatureCount => _vision?.Spec.FeatureCount ?? 0;

    /// <summary>The raw network outputs of the last successful step.</summary>
    public ReadOnlySpan<float> Outputs => _outputs;

    /// <summary>The liquid session (state and continuous-time memory).</summary>
    public LiquidSession Session => _vision?.Session ?? _session!;

    /// <summary>Reads and verifies a policy folder (hashes, shapes, observation and action names).</summary>
    /// <exception cref="PolicyFormatException">The folder is malformed, its files do not match their hashes, or its spec does not fit its network.</exception>
    /// <exception cref="OnnxModelException">perception.onnx is corrupt or not an image-to-features graph.</exception>
    public static FlightPolicy Open(string directory, OnnxRunnerOptions? onnx = null)
    {
        var policy = PolicyFolder.Read(directory);
        var model = LiquidModel.Create(policy.Document.Architecture, policy.Weights);
        if (!policy.Document.Files.ContainsKey(PolicyFolder.PerceptionFileName))
        {
            return Create(directory, policy.Document, model.CreateSession(), null);
        }

        string graph = Path.Combine(directory, PolicyFolder.PerceptionFileName);
        var vision = VisionPolicy.Open(graph, PerceptionGraph.ReadSpec(graph), model, onnx);
        return Create(directory, policy.Document, null, vision);
    }

    /// <summary>
    /// Builds the observations from <paramref name="snapshot"/>, steps the network by
    /// <paramref name="elapsedSeconds"/> (the real time since the previous step) and decodes the command. On
    /// anything but <see cref="PolicyStepStatus.Ok"/> the network state is unchanged and <paramref name="command"/>
    /// is default.
    /// </summary>
    public PolicyStepStatus TryStep(in FlightSnapshot snapshot, float elapsedSeconds, out PolicyCommand command)
    {
        command = default;
        var observed = Observations.Build(snapshot, _raw, _normalised, out _);
        if (observed != ObservationStatus.Ok)
        {
            return Map(observed);
        }

        var stepped = Map(_vision is null
            ? _session!.TryStep(_normalised, elapsedSeconds, _outputs)
            : _vision.TryStep(_normalised, elapsedSeconds, _outputs));
        if (stepped == PolicyStepStatus.Ok)
        {
            command = Actions.Decode(_outputs);
        }

        return stepped;
    }

    /// <summary>
    /// Replays one recorded step: the raw observations and (for a vision policy) the image features the flight
    /// recorded, stepped by the recorded <paramref name="elapsedSeconds"/>. The observations are normalised and
    /// checked by the same code as <see cref="TryStep"/> and the liquid input is [features, normalised
    /// observations], as in flight, so the same policy gives the same <see cref="Outputs"/> bit for bit.
    /// </summary>
    public PolicyStepStatus TryStepRecorded(ReadOnlySpan<float> rawObservations, ReadOnlySpan<float> features, float elapsedSeconds)
    {
        if (rawObservations.Length != _raw.Length || features.Length != FeatureCount)
        {
            throw new ArgumentException(
                $"policy '{Document.Name}' takes {_raw.Length} observations and {FeatureCount} image features; the record holds {rawObservations.Length} and {features.Length}");
        }

        rawObservations.CopyTo(_raw);
        Observations.Normalise(_raw, _normalised);
        var observed = Observations.Check(_raw, out _);
        if (observed != ObservationStatus.Ok)
        {
            return Map(observed);
        }

        features.CopyTo(_liquidInput);
        _normalised.CopyTo(_liquidInput.AsSpan(features.Length));
        return Map(Session.TryStep(_liquidInput, elapsedSeconds, _outputs));
    }

    private static PolicyStepStatus Map(ObservationStatus observed) =>
        observed == ObservationStatus.NonFinite ? PolicyStepStatus.ObservationNonFinite : PolicyStepStatus.ObservationOutOfRange;

    private PolicyStepStatus Map(StepStatus stepped) => stepped switch
    {
        StepStatus.Ok => PolicyStepStatus.Ok,
        StepStatus.InvalidElapsedTime => PolicyStepStatus.InvalidElapsedTime,
        // The image held a non-finite value (the observations are checked before the step).
        StepStatus.NonFiniteInput => PolicyStepStatus.ObservationNonFinite,
        StepStatus.NonFiniteResult => PolicyStepStatus.NonFiniteOutput,
        _ => throw new InvalidOperationException($"policy '{Document.Name}' rejected a step: {stepped}; its widths were checked at open"),
    };

    /// <summary>Forgets the network's memory (a new flight).</summary>
    public void Reset() => Session.Reset();

    public void Dispose() => _vision?.Dispose();

    private static FlightPolicy Create(string directory, PolicyDocument document, LiquidSession? session, VisionPolicy? vision)
    {
        try
        {
            return new FlightPolicy(directory, document, session, vision);
        }
        catch (ArgumentException ex)
        {
            vision?.Dispose();
            throw new PolicyFormatException([$"{Path.Combine(directory, PolicyFolder.PolicyFileName)}: {ex.Message}"]);
        }
        catch
        {
            vision?.Dispose();
            throw;
        }
    }
}
