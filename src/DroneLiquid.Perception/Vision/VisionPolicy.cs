using DroneLiquid.Liquid.Models;
using DroneLiquid.Liquid.Policies;
using DroneLiquid.Liquid.Sessions;
using DroneLiquid.Perception.Onnx;

namespace DroneLiquid.Perception.Vision;

/// <summary>
/// A vision policy: the perception CNN (ONNX Runtime, <c>perception.onnx</c>) turns an image into features,
/// and the native liquid session steps on [features, other observations]. It owns the runner, the bound
/// image and feature buffers and the session; a step allocates nothing. Not thread-safe: one per thread.
/// </summary>
/// <remarks>Write the camera frame straight into <see cref="Image"/> (NCHW floats) to skip a copy, then call
/// <see cref="TryStep(ReadOnlySpan{float}, float, Span{float})"/>.</remarks>
public sealed class VisionPolicy : IDisposable
{
    private readonly OnnxRunner _runner;
    private readonly OnnxTensorBuffer _image;
    private readonly OnnxTensorBuffer _features;
    private readonly OnnxBinding _binding;
    private readonly float[] _liquidInput;

    private VisionPolicy(OnnxRunner runner, PerceptionSpec spec, LiquidModel model)
    {
        _runner = runner;
        Spec = spec;
        Session = model.CreateSession();
        _image = runner.CreateBuffer(spec.InputName);
        _features = runner.CreateBuffer(spec.OutputName);
        _binding = runner.Bind([_image], [_features]);
        _liquidInput = new float[model.InputSize];
    }

    public PerceptionSpec Spec { get; }

    /// <summary>The liquid session the features feed.</summary>
    public LiquidSession Session { get; }

    /// <summary>Observations the liquid model takes after the features (its input size minus the feature count).</summary>
    public int ObservationCount => _liquidInput.Length - Spec.FeatureCount;

    /// <summary>The image buffer the CNN reads, [Channels, Height, Width] row-major.</summary>
    public Span<float> Image => _image.Span;

    /// <summary>The features of the last step.</summary>
    public ReadOnlySpan<float> Features => _features.Span;

    /// <summary>Builds a vision policy from a perception graph file and a liquid model whose input starts with the features.</summary>
    /// <exception cref="OnnxModelException">The graph is missing, corrupt or does not match <paramref name="spec"/>.</exception>
    /// <exception cref="ArgumentException">The liquid model takes fewer inputs than the perception network gives features.</exception>
    public static VisionPolicy Open(string perceptionPath, PerceptionSpec spec, LiquidModel model, OnnxRunnerOptions? options = null)
    {
        CheckWidths(spec, model);
        return new VisionPolicy(OnnxRunner.Open(perceptionPath, [spec.Input], [spec.Output], options), spec, model);
    }

    /// <summary>As <see cref="Open(string, PerceptionSpec, LiquidModel, OnnxRunnerOptions?)"/> for a graph held in memory.</summary>
    public static VisionPolicy Load(byte[] perception, string name, PerceptionSpec spec, LiquidModel model, OnnxRunnerOptions? options = null)
    {
        CheckWidths(spec, model);
        return new VisionPolicy(OnnxRunner.Load(perception, name, [spec.Input], [spec.Output], options), spec, model);
    }

    /// <summary>Reads a policy folder (hashes checked) whose files include perception.onnx.</summary>
    /// <exception cref="PolicyFormatException">The folder is malformed or its files do not match their hashes.</exception>
    /// <exception cref="OnnxModelException">The folder lists no perception.onnx, or the graph does not match <paramref name="spec"/>.</exception>
    public static VisionPolicy FromFolder(string directory, PerceptionSpec spec, OnnxRunnerOptions? options = null)
    {
        var policy = PolicyFolder.Read(directory);
        string path = Path.Combine(directory, PolicyFolder.PerceptionFileName);
        if (!policy.Document.Files.ContainsKey(PolicyFolder.PerceptionFileName))
        {
            throw new OnnxModelException(path, $"policy '{policy.Document.Name}' is not a vision policy: policy.json lists no {PolicyFolder.PerceptionFileName}");
        }

        return Open(path, spec, LiquidModel.Create(policy.Document.Architecture, policy.Weights), options);
    }

    /// <summary>Copies <paramref name="image"/> into <see cref="Image"/>, then steps.</summary>
    public StepStatus TryStep(ReadOnlySpan<float> image, ReadOnlySpan<float> observations, float elapsedSeconds, Span<float> output)
    {
        if (image.Length != Spec.ImageLength)
        {
            return StepStatus.InputWidthMismatch;
        }

        image.CopyTo(_image.Span);
        return TryStep(observations, elapsedSeconds, output);
    }

    /// <summary>
    /// Runs the CNN on <see cref="Image"/>, then one liquid step on [features, observations]. On anything but
    /// Ok the liquid state and the output are untouched (see <see cref="LiquidSession.TryStep"/>).
    /// </summary>
    public StepStatus TryStep(ReadOnlySpan<float> observations, float elapsedSeconds, Span<float> output)
    {
        if (observations.Length != ObservationCount)
        {
            return StepStatus.InputWidthMismatch;
        }

        _runner.Run(_binding);
        _features.Span.CopyTo(_liquidInput);
        observations.CopyTo(_liquidInput.AsSpan(Spec.FeatureCount));
        return Session.TryStep(_liquidInput, elapsedSeconds, output);
    }

    public void Dispose()
    {
        _binding.Dispose();
        _image.Dispose();
        _features.Dispose();
        _runner.Dispose();
    }

    private static void CheckWidths(PerceptionSpec spec, LiquidModel model)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(model);
        if (model.InputSize < spec.FeatureCount)
        {
            throw new ArgumentException(
                $"the perception network gives {spec.FeatureCount} features, but the liquid model takes only {model.InputSize} inputs; it must take the features first, then any other observations",
                nameof(model));
        }
    }
}
