using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using DroneLiquid.Liquid.Tensors;

namespace DroneLiquid.Liquid.Policies;

/// <summary>
/// Reads and writes the safetensors format (huggingface/safetensors): an unsigned 64-bit little-endian
/// header length, a UTF-8 JSON header mapping each tensor name to <c>{dtype, shape, data_offsets}</c>
/// (offsets [begin, end) into the byte buffer that follows) plus an optional <c>__metadata__</c> string
/// map, then the buffer. Reads F32, F64, F16 and BF16 into float32; writes F32. Tensor order is the
/// header's order on read and the dictionary's order on write.
/// </summary>
/// <remarks>
/// Every defect is one <see cref="InvalidDataException"/> whose message names the file and the key:
/// truncated file, header length past the end, bad JSON, offsets out of range, overlapping or leaving
/// gaps, byte size not matching dtype x shape, unknown dtype.
/// </remarks>
public static class Safetensors
{
    /// <summary>Largest header we accept (the reference implementation's limit).</summary>
    public const long MaxHeaderBytes = 100_000_000;

    private const string MetadataKey = "__metadata__";

    /// <exception cref="InvalidDataException">The file is missing or malformed.</exception>
    public static SafetensorsContent ReadFile(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{path}: cannot read the safetensors file: {ex.Message}", ex);
        }

        return Parse(bytes, path);
    }

    /// <param name="source">The file name used in error messages.</param>
    /// <exception cref="InvalidDataException">The bytes are not a well-formed safetensors file.</exception>
    public static SafetensorsContent Parse(ReadOnlySpan<byte> bytes, string source)
    {
        if (bytes.Length < 8)
        {
            throw Bad(source, $"truncated: the file has {bytes.Length} bytes, but a safetensors file starts with an 8-byte header length");
        }

        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (headerLength > (ulong)(bytes.Length - 8))
        {
            throw Bad(source, $"header length is {headerLength} bytes, past the end of the file ({bytes.Length} bytes in all): truncated or not a safetensors file");
        }

        if (headerLength > MaxHeaderBytes)
        {
            throw Bad(source, $"header length is {headerLength} bytes, more than the {MaxHeaderBytes} allowed");
        }

        var header = bytes.Slice(8, (int)headerLength);
        var buffer = bytes[(8 + (int)headerLength)..];
        if (!System.Text.Unicode.Utf8.IsValid(header))
        {
            throw Bad(source, "the header is not valid UTF-8 text");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(header.ToArray());
        }
        catch (JsonException ex)
        {
            throw Bad(source, $"the header is not valid JSON: {ex.Message}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Bad(source, $"the header must be a JSON object, got {document.RootElement.ValueKind}");
            }

            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            var entries = new List<SafetensorsEntry>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name == MetadataKey)
                {
                    ReadMetadata(property.Value, metadata, source);
                }
                else
                {
                    entries.Add(SafetensorsEntry.Read(property.Name, property.Value, source));
                }
            }

            CheckLayout(entries, buffer.Length, source);
            var tensors = new TensorDictionary();
            foreach (var entry in entries)
            {
                if (tensors.Contains(entry.Name))
                {
                    throw Bad(source, $"tensor '{entry.Name}' appears twice in the header");
                }

                tensors.Add(entry.Load(buffer, source));
            }

            return new SafetensorsContent(tensors, metadata);
        }
    }

    /// <summary>Writes <paramref name="tensors"/> as F32 in their order, with optional metadata.</summary>
    public static void WriteFile(string path, TensorDictionary tensors, IReadOnlyDictionary<string, string>? metadata = null) =>
        File.WriteAllBytes(path, Serialize(tensors, metadata));

    /// <summary>The bytes of a safetensors file holding <paramref name="tensors"/> as F32, in their order.</summary>
    public static byte[] Serialize(TensorDictionary tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        using var headerStream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(headerStream))
        {
            writer.WriteStartObject();
            if (metadata is { Count: > 0 })
            {
                writer.WriteStartObject(MetadataKey);
                foreach (var (key, value) in metadata) writer.WriteString(key, value);
                writer.WriteEndObject();
            }

            long offset = 0;
            foreach (var tensor in tensors.Tensors)
            {
                long size = tensor.Data.Length * 4L;
                writer.WriteStartObject(tensor.Name);
                writer.WriteString("dtype", "F32");
                writer.WriteStartArray("shape");
                foreach (int dim in tensor.Shape) writer.WriteNumberValue(dim);
                writer.WriteEndArray();
                writer.WriteStartArray("data_offsets");
                writer.WriteNumberValue(offset);
                writer.WriteNumberValue(offset + size);
                writer.WriteEndArray();
                writer.WriteEndObject();
                offset += size;
            }

            writer.WriteEndObject();
        }

        // Pad the header with spaces so the buffer starts 8-byte aligned, as the reference writer does.
        int headerLength = (int)headerStream.Length;
        int padded = (headerLength + 7) / 8 * 8;
        long bufferLength = tensors.Tensors.Sum(t => t.Data.Length * 4L);
        var bytes = new byte[8 + padded + bufferLength];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)padded);
        headerStream.GetBuffer().AsSpan(0, headerLength).CopyTo(bytes.AsSpan(8));
        bytes.AsSpan(8 + headerLength, padded - headerLength).Fill((byte)' ');
        int position = 8 + padded;
        foreach (var tensor in tensors.Tensors)
        {
            foreach (float value in tensor.Data)
            {
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(position, 4), value);
                position += 4;
            }
        }

        return bytes;
    }

    internal static InvalidDataException Bad(string source, string message) => new($"{source}: {message}");

    private static void ReadMetadata(JsonElement element, Dictionary<string, string> metadata, string source)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Bad(source, $"'{MetadataKey}' must be an object of strings, got {element.ValueKind}");
        }

        foreach (var item in element.EnumerateObject())
        {
            if (item.Value.ValueKind != JsonValueKind.String)
            {
                throw Bad(source, $"'{MetadataKey}.{item.Name}' must be a string, got {item.Value.ValueKind}");
            }

            metadata[item.Name] = item.Value.GetString()!;
        }
    }

    private static void CheckLayout(List<SafetensorsEntry> entries, int bufferLength, string source)
    {
        long expected = 0;
        SafetensorsEntry? previous = null;
        foreach (var entry in entries.OrderBy(e => e.Begin).ThenBy(e => e.End))
        {
            if (entry.End > bufferLength)
            {
                throw Bad(source, $"tensor '{entry.Name}': data_offsets [{entry.Begin}, {entry.End}) run past the end of the data buffer ({bufferLength} bytes): the file is truncated");
            }

            if (entry.Begin < expected && previous is not null)
            {
                throw Bad(source, $"tensor '{entry.Name}': data_offsets [{entry.Begin}, {entry.End}) overlap tensor '{previous.Name}' [{previous.Begin}, {previous.End})");
            }

            if (entry.Begin > expected)
            {
                throw Bad(source, $"bytes [{expected}, {entry.Begin}) of the data buffer belong to no tensor (before tensor '{entry.Name}')");
            }

            expected = entry.End;
            previous = entry;
        }

        if (expected != bufferLength)
        {
            throw Bad(source, $"the data buffer has {bufferLength} bytes but the tensors cover {expected}: {bufferLength - expected} trailing bytes belong to no tensor");
        }
    }
}
