using System.Text.Json;
using System.Text.Json.Serialization;

namespace DroneLiquid.Sim.Records;

/// <summary>The outcome of one run, as the `--json` summary prints it (snake_case names, SI units in the names).</summary>
public sealed record FlightSummary(
    bool Success,
    bool Crash,
    string Outcome,
    string? CrashReason,
    double TimeS,
    double PathLengthM,
    double MinClearanceM,
    double FinalDistanceToTargetM,
    IReadOnlyList<FlightEvent> Events)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static FlightSummary? FromJson(string json) => JsonSerializer.Deserialize<FlightSummary>(json, JsonOptions);
}
