using DroneLiquid.Liquid.Reference;
using DroneLiquid.Liquid.Tensors;

namespace DroneLiquid.Liquid.Models;

/// <summary>
/// A model as found on disk: its architecture and weights, plus recorded vectors when the source carries
/// them (a reference file does). <see cref="Load(string)"/> picks the reader by the path.
/// </summary>
/// <param name="Reference">The recorded inputs and ncps results, or null when the source has none.</param>
public sealed record ModelSource(string Path, string Format, LiquidModelSpec Spec, TensorDictionary Weights, ReferenceCase? Reference)
{
    /// <summary>The readers <see cref="Load(string)"/> tries, in order: ncps reference JSON, then policy folders.</summary>
    public static IReadOnlyList<IModelSourceReader> DefaultReaders { get; } = [new ReferenceCaseReader(), new Policies.PolicyFolderReader()];

    public static ModelSource Load(string path) => Load(path, DefaultReaders);

    /// <exception cref="FileNotFoundException">Nothing exists at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">No reader recognises the path, or the chosen reader finds it malformed.</exception>
    public static ModelSource Load(string path, IReadOnlyList<IModelSourceReader> readers)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(readers);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new FileNotFoundException($"model source '{path}' does not exist", path);
        }

        var reader = readers.FirstOrDefault(r => r.CanRead(path))
            ?? throw new InvalidDataException($"'{path}' is not a model this build can read (known: {string.Join(", ", readers.Select(r => r.Format))})");
        return reader.Read(path);
    }

    /// <summary>Builds the runnable model (validating every tensor).</summary>
    public LiquidModel CreateModel() => LiquidModel.Create(Spec, Weights);
}
