using System.Text.Json;
using System.Text.Json.Serialization;

namespace DroneLiquid.Evaluation.Runs;

/// <summary>
/// results.json: <c>{"format": "droneliquid-eval-results", "format_version": 1, "runs": [...]}</c>, one run per
/// evaluation (pilot x world), each with its settings, summary and per-episode results (snake_case, SI units in names).
/// </summary>
public static class ResultsFile
{
    public const string FileName = "results.json";

    public const string FormatName = "droneliquid-eval-results";

    public const int FormatVersion = 1;

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private static readonly JsonSerializerOptions Compact = new(Options) { WriteIndented = false };

    public static void Write(string path, IReadOnlyList<EvaluationRun> runs) =>
        File.WriteAllText(path, JsonSerializer.Serialize(new Document(FormatName, FormatVersion, runs), Options) + "\n");

    /// <exception cref="InvalidDataException">The file is missing, not JSON or not an evaluation results file; the message names it.</exception>
    public static IReadOnlyList<EvaluationRun> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path}: missing; an evaluation folder holds {FileName}");
        }

        Document? document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(File.ReadAllText(path), Options);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not an evaluation results file: {ex.Message}", ex);
        }

        if (document is null || document.Format != FormatName || document.FormatVersion != FormatVersion || document.Runs is null)
        {
            throw new InvalidDataException($"{path}: format is '{document?.Format}' version {document?.FormatVersion}; expected '{FormatName}' version {FormatVersion} with runs");
        }

        return document.Runs;
    }

    /// <summary>JSON text of one value with the results' naming (for --json summaries).</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Compact);

    private sealed record Document(string Format, int FormatVersion, IReadOnlyList<EvaluationRun> Runs);
}
