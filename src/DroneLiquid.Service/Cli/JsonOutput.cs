using System.Text.Encodings.Web;
using System.Text.Json;

namespace DroneLiquid.Service.Cli;

/// <summary>
/// The `--json` habit: a verb's result is one JSON object on stdout (one a line for streams);
/// human text goes to stderr so that stdout stays machine-readable.
/// </summary>
internal static class JsonOutput
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        WriteIndented = false,
    };

    /// <summary>Writes <paramref name="value"/> as one line of JSON on stdout.</summary>
    public static void WriteLine<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Options));
}
