namespace DroneLiquid.Perception.Onnx;

/// <summary>
/// An ONNX file that cannot be used: missing, corrupt, or with other inputs or outputs than the caller expects.
/// The message names the file and, for a mismatch, what was expected and what was found.
/// </summary>
public sealed class OnnxModelException : IOException
{
    public OnnxModelException(string path, string problem, Exception? inner = null)
        : base($"{path}: {problem}", inner)
    {
        Path = path;
    }

    /// <summary>The ONNX file.</summary>
    public string Path { get; }
}
