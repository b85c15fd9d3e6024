using Microsoft.ML.OnnxRuntime;

namespace DroneLiquid.Perception.Onnx;

/// <summary>
/// An ONNX graph loaded for repeated, allocation-free runs: session options for a small board (see
/// <see cref="OnnxRunnerOptions"/>), the graph's inputs and outputs checked at load against what the caller
/// expects, and runs over buffers bound once (<see cref="Bind"/>). One runner per thread for running; the
/// checks and buffers are set up once at start-up.
/// </summary>
public sealed class OnnxRunner : IDisposable
{
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();

    private OnnxRunner(string path, InferenceSession session, IReadOnlyList<OnnxTensorSpec> inputs, IReadOnlyList<OnnxTensorSpec> outputs)
    {
        Path = path;
        _session = session;
        Inputs = inputs;
        Outputs = outputs;
    }

    /// <summary>The ONNX file (or a description of the in-memory model).</summary>
    public string Path { get; }

    /// <summary>The inputs as the caller expects them (and as checked against the graph).</summary>
    public IReadOnlyList<OnnxTensorSpec> Inputs { get; }

    public IReadOnlyList<OnnxTensorSpec> Outputs { get; }

    /// <summary>Loads and checks an ONNX file.</summary>
    /// <exception cref="OnnxModelException">The file is missing, is not a loadable ONNX model, has other inputs or outputs than
    /// <paramref name="inputs"/>/<paramref name="outputs"/> (names, shapes, element types), or a named execution provider is unavailable.</exception>
    public static OnnxRunner Open(string path, IReadOnlyList<OnnxTensorSpec> inputs, IReadOnlyList<OnnxTensorSpec> outputs, OnnxRunnerOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new OnnxModelException(path, "no such ONNX file");
        }

        return Create(path, options, o => new InferenceSession(path, o), inputs, outputs);
    }

    /// <summary>Loads and checks a serialized ONNX model held in memory (e.g. one just exported).</summary>
    /// <param name="name">What to call it in messages.</param>
    public static OnnxRunner Load(byte[] model, string name, IReadOnlyList<OnnxTensorSpec> inputs, IReadOnlyList<OnnxTensorSpec> outputs, OnnxRunnerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Create(name, options, o => new InferenceSession(model, o), inputs, outputs);
    }

    /// <summary>A new pinned buffer shaped like the expected input or output <paramref name="name"/>.</summary>
    public OnnxTensorBuffer CreateBuffer(string name)
    {
        var spec = Inputs.Concat(Outputs).FirstOrDefault(s => s.Name == name)
            ?? throw new ArgumentException($"{Path} has no input or output '{name}' (has {string.Join(", ", Inputs.Concat(Outputs).Select(s => s.Name))})", nameof(name));
        return new OnnxTensorBuffer(spec);
    }

    /// <summary>Binds buffers to every input and output, in the order of <see cref="Inputs"/> and <see cref="Outputs"/>.</summary>
    public OnnxBinding Bind(IReadOnlyList<OnnxTensorBuffer> inputs, IReadOnlyList<OnnxTensorBuffer> outputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputs);
        CheckBuffers("input", Inputs, inputs);
        CheckBuffers("output", Outputs, outputs);
        var binding = _session.CreateIoBinding();
        for (int i = 0; i < inputs.Count; i++) binding.BindInput(Inputs[i].Name, inputs[i].Value);
        for (int i = 0; i < outputs.Count; i++) binding.BindOutput(Outputs[i].Name, outputs[i].Value);
        return new OnnxBinding(binding, inputs, outputs);
    }

    /// <summary>Runs the graph once over the bound buffers: reads the inputs, writes the outputs in place, allocates nothing.</summary>
    /// <exception cref="OnnxRuntimeException">The run itself failed (a kernel error).</exception>
    public void Run(OnnxBinding binding) => _session.RunWithBinding(_runOptions, binding.IoBinding);

    public void Dispose()
    {
        _runOptions.Dispose();
        _session.Dispose();
    }

    private static OnnxRunner Create(string path, OnnxRunnerOptions? options, Func<SessionOptions, InferenceSession> open, IReadOnlyList<OnnxTensorSpec> inputs, IReadOnlyList<OnnxTensorSpec> outputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputs);
        using var sessionOptions = OnnxSessionOptions.Create(path, options ?? OnnxRunnerOptions.Default);
        InferenceSession session;
        try
        {
            session = open(sessionOptions);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new OnnxModelException(path, $"not a loadable ONNX model: {ex.Message}", ex);
        }

        try
        {
            OnnxSignatureCheck.Check(path, "input", inputs, session.InputMetadata);
            OnnxSignatureCheck.Check(path, "output", outputs, session.OutputMetadata);
        }
        catch
        {
            session.Dispose();
            throw;
        }

        return new OnnxRunner(path, session, inputs, outputs);
    }

    private void CheckBuffers(string kind, IReadOnlyList<OnnxTensorSpec> expected, IReadOnlyList<OnnxTensorBuffer> buffers)
    {
        if (buffers.Count != expected.Count)
        {
            throw new ArgumentException($"{Path} has {expected.Count} {kind}s ({string.Join(", ", expected.Select(s => s.Name))}), {buffers.Count} buffers were given");
        }

        for (int i = 0; i < buffers.Count; i++)
        {
            if (!buffers[i].Spec.Shape.AsSpan().SequenceEqual(expected[i].Shape))
            {
                throw new ArgumentException($"{Path}: buffer for {kind} {expected[i].Name} is {buffers[i].Spec}, expected {expected[i]}");
            }
        }
    }
}
