using System.Text.Json;
using System.Text.Json.Serialization;

namespace DroneLiquid.Evaluation.Datasets;

/// <summary>Reads and writes manifest.json (snake_case keys, indented, fields in declaration order so equal manifests are equal bytes).</summary>
public static class DatasetManifestJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.Strict,
    };

    public static void Write(string path, DatasetManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        File.WriteAllText(path, JsonSerializer.Serialize(manifest, Options) + "\n");
    }

    /// <exception cref="DatasetFormatException">The file is missing, not JSON, not a dataset manifest, or inconsistent.</exception>
    public static DatasetManifest Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new DatasetFormatException($"{path}: missing; a dataset folder holds {DatasetManifest.FileName} and one .bin file per episode");
        }

        DatasetManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<DatasetManifest>(File.ReadAllText(path), Options);
        }
        catch (JsonException ex)
        {
            throw new DatasetFormatException($"{path}: not a dataset manifest: {ex.Message}", ex);
        }

        if (manifest is null)
        {
            throw new DatasetFormatException($"{path}: empty manifest");
        }

        Check(path, manifest);
        return manifest;
    }

    private static void Check(string path, DatasetManifest m)
    {
        if (m.Format != DatasetManifest.FormatName)
        {
            throw new DatasetFormatException($"{path}: format is '{m.Format}', expected '{DatasetManifest.FormatName}'");
        }

        if (m.FormatVersion != DatasetManifest.CurrentVersion)
        {
            throw new DatasetFormatException($"{path}: format_version is {m.FormatVersion}; this code reads version {DatasetManifest.CurrentVersion}");
        }

        if (m.Features.Count == 0 || m.Actions.Count == 0)
        {
            throw new DatasetFormatException($"{path}: features and actions must not be empty (found {m.Features.Count} and {m.Actions.Count})");
        }

        if (m.Image is { } image && (image.Width < 1 || image.Height < 1 || image.PixelFormat != "rgb24"))
        {
            throw new DatasetFormatException($"{path}: image must be rgb24 with a positive size, got {image.PixelFormat} {image.Width}x{image.Height}");
        }

        int expected = DatasetManifest.RecordBytesFor(m.Features.Count, m.Actions.Count, m.Image);
        if (m.RecordBytes != expected)
        {
            throw new DatasetFormatException($"{path}: record_bytes is {m.RecordBytes}, but {m.Features.Count} features, {m.Actions.Count} actions and the image make {expected}");
        }

        var files = new HashSet<string>(StringComparer.Ordinal);
        foreach (DatasetEpisode e in m.Episodes)
        {
            if (string.IsNullOrEmpty(e.File) || e.File.IndexOfAny(['/', '\\']) >= 0 || e.File is "." or ".." || !files.Add(e.File))
            {
                throw new DatasetFormatException($"{path}: episode {e.Index}: file '{e.File}' must be a plain file name, used once");
            }

            if (e.Samples < 0)
            {
                throw new DatasetFormatException($"{path}: episode {e.Index}: samples is {e.Samples}");
            }
        }
    }
}
