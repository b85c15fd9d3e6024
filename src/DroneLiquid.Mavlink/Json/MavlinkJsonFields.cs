using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DroneLiquid.Mavlink;

/// <summary>
/// Message fields as JSON, by the conventions of the conformance vectors: XML field names in XML order;
/// 64-bit integers as decimal strings; floats as the shortest text that reads back to the same bits (always
/// with '.' or 'e'); NaN and infinities as "NaN", "Infinity", "-Infinity"; char[N] as the text before the
/// first NUL; other arrays as lists of N elements. Writing allocates nothing beyond the writer's buffer.
/// </summary>
public static class MavlinkJsonFields
{
    /// <summary>Writer options that escape only what JSON requires (quotes, backslashes, control characters).</summary>
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes <c>{"field": value, ...}</c> for <paramref name="payload"/> (wire order; a short payload reads as zero-extended).</summary>
    public static void WriteFields(Utf8JsonWriter writer, MavlinkMessageInfo info, ReadOnlySpan<byte> payload)
    {
        writer.WriteStartObject();
        foreach (MavlinkFieldInfo field in info.FieldSpan)
        {
            writer.WritePropertyName(field.Name);
            WriteValue(writer, field, payload);
        }
        writer.WriteEndObject();
    }

    /// <summary>Writes one field's value.</summary>
    public static void WriteValue(Utf8JsonWriter writer, MavlinkFieldInfo field, ReadOnlySpan<byte> payload)
    {
        if (field.Type == MavlinkFieldType.Char && field.ArrayLength > 0)
        {
            ReadOnlySpan<byte> text = MavlinkFieldCodec.TextBytes(payload, field);
            Span<char> chars = stackalloc char[MavlinkWire.MaxPayloadLength];
            for (int i = 0; i < text.Length; i++)
            {
                chars[i] = (char)text[i];
            }
            writer.WriteStringValue(chars[..text.Length]);
            return;
        }
        if (field.ArrayLength == 0)
        {
            WriteElement(writer, field, payload, 0);
            return;
        }
        writer.WriteStartArray();
        for (int i = 0; i < field.ArrayLength; i++)
        {
            WriteElement(writer, field, payload, i);
        }
        writer.WriteEndArray();
    }

    private static void WriteElement(Utf8JsonWriter writer, MavlinkFieldInfo field, ReadOnlySpan<byte> payload, int index)
    {
        Span<byte> text = stackalloc byte[32];
        switch (field.Type)
        {
            case MavlinkFieldType.UInt64:
                ((ulong)MavlinkFieldCodec.ReadInteger(payload, field, index)).TryFormat(text, out int u, default, CultureInfo.InvariantCulture);
                writer.WriteStringValue(text[..u]);
                break;
            case MavlinkFieldType.Int64:
                MavlinkFieldCodec.ReadInteger(payload, field, index).TryFormat(text, out int s, default, CultureInfo.InvariantCulture);
                writer.WriteStringValue(text[..s]);
                break;
            case MavlinkFieldType.Float:
            case MavlinkFieldType.Double:
                WriteFloatingPoint(writer, field.Type, MavlinkFieldCodec.ReadFloatingPoint(payload, field, index), text);
                break;
            default:
                writer.WriteNumberValue(MavlinkFieldCodec.ReadInteger(payload, field, index));
                break;
        }
    }

    private static void WriteFloatingPoint(Utf8JsonWriter writer, MavlinkFieldType type, double value, Span<byte> text)
    {
        if (double.IsNaN(value))
        {
            writer.WriteStringValue("NaN"u8);
            return;
        }
        if (double.IsInfinity(value))
        {
            writer.WriteStringValue(value > 0 ? "Infinity"u8 : "-Infinity"u8);
            return;
        }
        int n;
        bool ok = type == MavlinkFieldType.Float
            ? ((float)value).TryFormat(text, out n, "R", CultureInfo.InvariantCulture)
            : value.TryFormat(text, out n, "R", CultureInfo.InvariantCulture);
        if (!ok)
        {
            throw new InvalidOperationException("a formatted float does not fit 32 bytes");
        }
        bool hasPointOrExponent = false;
        for (int i = 0; i < n; i++)
        {
            if (text[i] == (byte)'E')
            {
                text[i] = (byte)'e';
            }
            hasPointOrExponent |= text[i] is (byte)'.' or (byte)'e';
        }
        if (!hasPointOrExponent)
        {
            text[n++] = (byte)'.';
            text[n++] = (byte)'0';
        }
        writer.WriteRawValue(text[..n], skipInputValidation: true);
    }

    /// <summary>
    /// Fills <paramref name="payload"/> (wire order, at least <see cref="MavlinkMessageInfo.MaxLength"/> bytes) from a
    /// JSON object written by these conventions. Missing fields stay zero. Throws <see cref="FormatException"/>
    /// naming the message, the field and what was expected when a value does not fit.
    /// </summary>
    public static void ReadFields(JsonElement fields, MavlinkMessageInfo info, Span<byte> payload)
    {
        if (fields.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"{info.Name}: fields must be a JSON object; got {fields.ValueKind}");
        }
        if (payload.Length < info.MaxLength)
        {
            throw new ArgumentException($"{info.Name}: payload buffer holds {payload.Length} bytes; need {info.MaxLength}", nameof(payload));
        }
        payload[..info.MaxLength].Clear();
        foreach (JsonProperty property in fields.EnumerateObject())
        {
            MavlinkFieldInfo field = info.FindField(property.Name)
                ?? throw new FormatException($"{info.Name}: no field named \"{property.Name}\"");
            try
            {
                ReadValue(property.Value, field, payload);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or OverflowException)
            {
                throw new FormatException($"{info.Name}.{field.Name}: {e.Message}", e);
            }
        }
    }

    private static void ReadValue(JsonElement value, MavlinkFieldInfo field, Span<byte> payload)
    {
        if (field.Type == MavlinkFieldType.Char && field.ArrayLength > 0)
        {
            if (value.ValueKind != JsonValueKind.String)
            {
                throw new FormatException($"{field.Name}: expected a string for char[{field.ArrayLength}]; got {value.ValueKind}");
            }
            MavlinkText.SetString(payload.Slice(field.WireOffset, field.WireSize), value.GetString());
            return;
        }
        if (field.ArrayLength == 0)
        {
            ReadElement(value, field, payload, 0);
            return;
        }
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() != field.ArrayLength)
        {
            throw new FormatException(
                $"{field.Name}: expected a list of {field.ArrayLength} elements; got {(value.ValueKind == JsonValueKind.Array ? $"{value.GetArrayLength()} elements" : value.ValueKind.ToString())}");
        }
        int i = 0;
        foreach (JsonElement element in value.EnumerateArray())
        {
            ReadElement(element, field, payload, i++);
        }
    }

    private static void ReadElement(JsonElement value, MavlinkFieldInfo field, Span<byte> payload, int index)
    {
        switch (field.Type)
        {
            case MavlinkFieldType.UInt64:
                MavlinkFieldCodec.WriteInteger(payload, field, index, (long)ulong.Parse(ExpectString(value, field), CultureInfo.InvariantCulture), unsignedBits: true);
                break;
            case MavlinkFieldType.Int64:
                MavlinkFieldCodec.WriteInteger(payload, field, index, long.Parse(ExpectString(value, field), CultureInfo.InvariantCulture));
                break;
            case MavlinkFieldType.Float:
            case MavlinkFieldType.Double:
                double d = value.ValueKind switch
                {
                    JsonValueKind.Number when field.Type == MavlinkFieldType.Float => value.GetSingle(),
                    JsonValueKind.Number => value.GetDouble(),
                    JsonValueKind.String => value.GetString() switch
                    {
                        "NaN" => QuietNaN, // the one NaN the vectors use; .NET's double.NaN has the sign bit set
                        "Infinity" => double.PositiveInfinity,
                        "-Infinity" => double.NegativeInfinity,
                        var other => throw new FormatException($"{field.Name}: expected a number, \"NaN\", \"Infinity\" or \"-Infinity\"; got \"{other}\""),
                    },
                    _ => throw new FormatException($"{field.Name}: expected a number; got {value.ValueKind}"),
                };
                MavlinkFieldCodec.WriteFloatingPoint(payload, field, index, d);
                break;
            default:
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out long n))
                {
                    throw new FormatException($"{field.Name}: expected an integer; got {value.GetRawText()}");
                }
                MavlinkFieldCodec.WriteInteger(payload, field, index, n);
                break;
        }
    }

    private static readonly double QuietNaN = BitConverter.Int64BitsToDouble(0x7FF8000000000000);

    private static string ExpectString(JsonElement value, MavlinkFieldInfo field) =>
        value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new FormatException($"{field.Name}: {field.Type} values are decimal strings; got {value.GetRawText()}");
}
