namespace DroneLiquid.Liquid.Models;

/// <summary>Recognises and reads one on-disk form of a model (reference JSON today; policy folders plug in the same way).</summary>
public interface IModelSourceReader
{
    /// <summary>A short name for messages, e.g. "ncps reference JSON".</summary>
    string Format { get; }

    /// <summary>Cheap check (path shape, no full parse) whether this reader handles <paramref name="path"/>.</summary>
    bool CanRead(string path);

    /// <exception cref="InvalidDataException">The file is malformed; the message names the file and key.</exception>
    ModelSource Read(string path);
}
