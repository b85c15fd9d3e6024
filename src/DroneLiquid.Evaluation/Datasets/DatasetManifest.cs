namespace DroneLiquid.Evaluation.Datasets;

/// <summary>
/// manifest.json of a dataset folder (DATASET.md): how the data was made and what every record holds. Feature names
/// are every ObservationCatalog name in catalogue order; actions are the expert's four heading-frame commands.
/// </summary>
public sealed record DatasetManifest
{
    /// <summary>Always <see cref="FormatName"/>.</summary>
    public string Format { get; init; } = FormatName;

    public int FormatVersion { get; init; } = CurrentVersion;

    /// <summary>forest, urban or empty.</summary>
    public required string World { get; init; }

    /// <summary>train or validation (never test: test seeds belong to `eval`).</summary>
    public required string Purpose { get; init; }

    /// <summary>The user seed; each episode's world seed derives from it (EpisodeSeeds).</summary>
    public required ulong Seed { get; init; }

    public required double ControlRateHz { get; init; }

    public required double JitterFraction { get; init; }

    public required double FrameDropProbability { get; init; }

    public required float WindMetresPerSecond { get; init; }

    public required double TimeLimitSeconds { get; init; }

    /// <summary>Standard deviation of the injected command noise (0: none).</summary>
    public required float NoiseStd { get; init; }

    /// <summary>The learner of a DAgger round, or null.</summary>
    public DatasetDagger? Dagger { get; init; }

    /// <summary>The camera image stored in every record, or null for a state-only dataset.</summary>
    public DatasetImage? Image { get; init; }

    public required IReadOnlyList<DatasetColumn> Features { get; init; }

    public required IReadOnlyList<DatasetColumn> Actions { get; init; }

    /// <summary>Bytes per record: 4 (elapsed) + 4 x features + 4 x actions + 1 (flags) + image bytes.</summary>
    public required int RecordBytes { get; init; }

    public required IReadOnlyList<DatasetEpisode> Episodes { get; init; }

    public const string FormatName = "droneliquid-dataset";

    public const int CurrentVersion = 1;

    public const string FileName = "manifest.json";

    /// <summary>The record size these columns and image imply.</summary>
    public static int RecordBytesFor(int features, int actions, DatasetImage? image) =>
        4 + (4 * features) + (4 * actions) + 1 + (image is null ? 0 : image.Width * image.Height * 3);
}
