using DroneLiquid.Liquid.Models;

namespace DroneLiquid.Liquid.Reference;

/// <summary>Reads ncps reference vector files (<c>*.json</c> other than a policy folder's <c>policy.json</c>).</summary>
public sealed class ReferenceCaseReader : IModelSourceReader
{
    public string Format => "ncps reference JSON (*.json)";

    public bool CanRead(string path) =>
        File.Exists(path)
        && string.Equals(Path.GetExtension(path), ".json", StringComparison.OrdinalIgnoreCase)
        && !string.Equals(Path.GetFileName(path), "policy.json", StringComparison.OrdinalIgnoreCase);

    public ModelSource Read(string path)
    {
        var reference = ReferenceCase.Load(path);
        return new ModelSource(path, Format, reference.Spec, reference.Weights, reference);
    }
}
