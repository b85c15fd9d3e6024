using System.Buffers;
using System.Text.Json;
using DroneLiquid.Flight.Failsafe;

namespace DroneLiquid.Flight.Recorder;

/// <summary>
/// One transition as one JSON line:
/// {"at_s":12.34,"from":"TakingOff","to":"PolicyControl","action":"None","kind":"TakeoffComplete","trigger":"None","reason":"take-off altitude reached"}.
/// "at_s" is the flight clock in seconds.
/// </summary>
public static class TransitionJson
{
    /// <summary>Appends <paramref name="transition"/> and a newline to <paramref name="buffer"/>.</summary>
    public static void Write(IBufferWriter<byte> buffer, in FailsafeTransition transition)
    {
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("at_s", Math.Round(transition.At.TotalSeconds, 6));
            json.WriteString("from", transition.From.ToString());
            json.WriteString("to", transition.To.ToString());
            json.WriteString("action", transition.Action.ToString());
            json.WriteString("kind", transition.Kind.ToString());
            json.WriteString("trigger", transition.Trigger.ToString());
            json.WriteString("reason", transition.Reason);
            json.WriteEndObject();
        }

        buffer.Write("\n"u8);
    }

    /// <summary>Parses one line written by <see cref="Write"/>; throws <see cref="FormatException"/> naming what is missing.</summary>
    public static FailsafeTransition Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        T Enum<T>(string key) where T : struct, Enum =>
            root.TryGetProperty(key, out var value) && System.Enum.TryParse(value.GetString(), out T result)
                ? result
                : throw new FormatException($"transition line: \"{key}\" missing or not a {typeof(T).Name}: {line}");
        double at = root.TryGetProperty("at_s", out var atValue) && atValue.TryGetDouble(out double seconds)
            ? seconds
            : throw new FormatException($"transition line: \"at_s\" missing or not a number: {line}");
        return new FailsafeTransition(TimeSpan.FromSeconds(at), Enum<FlightState>("from"), Enum<FlightState>("to"), Enum<FailsafeAction>("action"), Enum<TransitionKind>("kind"), Enum<FailsafeTrigger>("trigger"));
    }
}
