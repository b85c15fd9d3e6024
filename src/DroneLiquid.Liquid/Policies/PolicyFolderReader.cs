using DroneLiquid.Liquid.Models;

namespace DroneLiquid.Liquid.Policies;

/// <summary>Lets <see cref="ModelSource.Load(string)"/> open a policy folder (or its policy.json) like any other model source.</summary>
public sealed class PolicyFolderReader : IModelSourceReader
{
    public string Format => "policy folder";

    public bool CanRead(string path) =>
        Directory.Exists(path) || string.Equals(System.IO.Path.GetFileName(path), PolicyFolder.PolicyFileName, StringComparison.Ordinal);

    public ModelSource Read(string path)
    {
        string directory = Directory.Exists(path) ? path : System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        try
        {
            Policy policy = PolicyFolder.Read(directory);
            return new ModelSource(path, Format, policy.Document.Architecture, policy.Weights, Reference: null);
        }
        catch (PolicyFormatException ex)
        {
            // The seam documents InvalidDataException for malformed sources; keep the policy reader's message.
            throw new InvalidDataException(ex.Message, ex);
        }
    }
}
