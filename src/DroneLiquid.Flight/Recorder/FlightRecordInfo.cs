using System.Text.Json;
using System.Text.Json.Serialization;

namespace DroneLiquid.Flight.Recorder;

/// <summary>
/// What a flight folder's <c>flight.json</c> says about the flight, so that replay can find and check the policy
/// that flew: its folder (absolute path at flight time), its name, and the SHA-256 of its policy.json (which lists
/// the hash of every other file of the policy, so it identifies the weights and the perception graph too).
/// </summary>
public sealed record FlightRecordInfo(
    string PolicyDirectory,
    string PolicyName,
    string PolicySha256,
    bool VisionPolicy,
    double RateHz,
    DateTimeOffset StartedUtc)
{
    /// <summary>File name in the flight folder.</summary>
    public const string FileName = "flight.json";

    private static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    /// <summary>Writes <c>flight.json</c> into <paramref name="folder"/> (replacing any).</summary>
    public void Write(string folder)
    {
        string path = Path.Combine(folder, FileName);
        File.WriteAllText(path, JsonSerializer.Serialize(this, s_json));
    }

    /// <summary>Reads <c>flight.json</c> from <paramref name="folder"/>; throws <see cref="InvalidDataException"/> naming the file and the problem.</summary>
    public static FlightRecordInfo Read(string folder)
    {
        string path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path}: not found; a flight folder written by the flight session holds it");
        }

        try
        {
            var info = JsonSerializer.Deserialize<FlightRecordInfo>(File.ReadAllText(path), s_json);
            if (info is null || string.IsNullOrEmpty(info.PolicyDirectory) || string.IsNullOrEmpty(info.PolicySha256))
            {
                throw new InvalidDataException($"{path}: expected policy_directory and policy_sha256");
            }

            return info;
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not valid flight info JSON ({ex.Message})", ex);
        }
    }
}
