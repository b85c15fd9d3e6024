using System.Security.Cryptography;
using DroneLiquid.Liquid.Tensors;

namespace DroneLiquid.Liquid.Policies;

/// <summary>
/// A policy on disk: a folder with <c>policy.json</c>, <c>weights.safetensors</c> (ncps state_dict names)
/// and, for vision policies, <c>perception.onnx</c>. <see cref="Write"/> computes the SHA-256 of every
/// file; <see cref="Read"/> refuses a folder whose files do not match them, whose weights do not fit the
/// architecture, or whose policy.json is malformed, listing every problem.
/// </summary>
public static class PolicyFolder
{
    public const string PolicyFileName = "policy.json";
    public const string WeightsFileName = "weights.safetensors";
    public const string PerceptionFileName = "perception.onnx";

    /// <summary>Writes a policy folder and returns the document as written, with its file hashes.</summary>
    /// <param name="perceptionOnnxPath">Optional ONNX perception model to copy in as perception.onnx.</param>
    /// <exception cref="PolicyFormatException">The weights do not fit the architecture, or the document is inconsistent.</exception>
    public static PolicyDocument Write(string directory, PolicyDocument document, TensorDictionary weights, string? perceptionOnnxPath = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(weights);
        var problems = StateDictLayout.Check(document.Architecture, weights).Select(p => $"{WeightsFileName}: {p}").ToList();
        if (PolicyJson.ObservationWidthProblem(document.Observations.Count, document.Architecture.InputSize, perceptionOnnxPath is not null) is { } problem)
        {
            problems.Add($"{PolicyFileName}: observation.inputs: {problem}");
        }

        if (document.Actions.Count != document.Architecture.OutputSize)
        {
            problems.Add($"{PolicyFileName}: action.outputs: has {document.Actions.Count} entries, but the architecture produces {document.Architecture.OutputSize} outputs");
        }

        if (problems.Count > 0)
        {
            throw new PolicyFormatException(problems);
        }

        Directory.CreateDirectory(directory);
        Safetensors.WriteFile(Path.Combine(directory, WeightsFileName), StateDictLayout.InLayoutOrder(document.Architecture, weights), new Dictionary<string, string> { ["format"] = "pt" });
        var files = new Dictionary<string, string>(StringComparer.Ordinal) { [WeightsFileName] = Sha256(Path.Combine(directory, WeightsFileName)) };
        if (perceptionOnnxPath is not null)
        {
            File.Copy(perceptionOnnxPath, Path.Combine(directory, PerceptionFileName), overwrite: true);
            files[PerceptionFileName] = Sha256(Path.Combine(directory, PerceptionFileName));
        }

        var written = document with { Files = files };
        File.WriteAllText(Path.Combine(directory, PolicyFileName), PolicyJson.Write(written));
        return written;
    }

    /// <exception cref="PolicyFormatException">One line per problem: policy.json keys, file hashes, weights.</exception>
    public static Policy Read(string directory)
    {
        string policyPath = Path.Combine(directory, PolicyFileName);
        if (!Directory.Exists(directory))
        {
            throw new PolicyFormatException([$"{directory}: no such policy folder"]);
        }

        if (!File.Exists(policyPath))
        {
            throw new PolicyFormatException([$"{policyPath}: missing; a policy folder holds policy.json and weights.safetensors"]);
        }

        var document = PolicyJson.Parse(File.ReadAllText(policyPath), policyPath);
        var problems = new List<string>();
        foreach (var (file, want) in document.Files)
        {
            string path = Path.Combine(directory, file);
            if (!File.Exists(path))
            {
                problems.Add($"{path}: missing, but policy.json lists it with SHA-256 {want}");
                continue;
            }

            string got = Sha256(path);
            if (got != want)
            {
                problems.Add($"{path}: SHA-256 is {got}, but policy.json says {want}: the file changed or is corrupt");
            }
        }

        if (problems.Count > 0)
        {
            throw new PolicyFormatException(problems);
        }

        string weightsPath = Path.Combine(directory, WeightsFileName);
        TensorDictionary weights;
        try
        {
            weights = Safetensors.ReadFile(weightsPath).Tensors;
        }
        catch (InvalidDataException ex)
        {
            throw new PolicyFormatException([ex.Message]);
        }

        problems.AddRange(StateDictLayout.Check(document.Architecture, weights).Select(p => $"{weightsPath}: {p}"));
        if (problems.Count > 0)
        {
            throw new PolicyFormatException(problems);
        }

        return new Policy(directory, document, StateDictLayout.InLayoutOrder(document.Architecture, weights));
    }

    /// <summary>Lowercase hex SHA-256 of a file.</summary>
    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    internal static bool IsPlainFileName(string name) =>
        name.Length > 0 && name != "." && name != ".." && name.IndexOfAny(['/', '\\']) < 0 && name.IndexOfAny(Path.GetInvalidFileNameChars()) < 0;
}
