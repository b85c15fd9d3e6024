using System.Text.Json;
using System.Text.Json.Serialization;
using DroneLiquid.Training.Data;

namespace DroneLiquid.Training.Config;

/// <summary>
/// A training run, read from a JSON file (snake_case keys; unknown keys are errors). Relative paths are
/// resolved against the config file's folder.
/// </summary>
/// <param name="Name">Policy name written into policy.json.</param>
/// <param name="Data">Data set folders (written by <c>droneliquid collect</c>), or "synthetic:N" for N generated episodes.</param>
/// <param name="Output">Policy folder to write.</param>
/// <param name="Checkpoints">Folder for per-epoch checkpoints; a rerun resumes from it.</param>
public sealed record TrainingConfig(
    string Name,
    string Description,
    IReadOnlyList<string> Data,
    string Output,
    string Checkpoints,
    int Seed,
    IReadOnlyList<string> Observations,
    IReadOnlyList<string> Actions,
    ModelConfig Model,
    VisionConfig? Vision,
    OptimisationConfig Training)
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
    };

    /// <summary>The file it was read from (for provenance and relative paths).</summary>
    [JsonIgnore]
    public string SourcePath { get; init; } = string.Empty;

    /// <exception cref="TrainingConfigException">The file is missing, not JSON, or a value is out of range; names the key.</exception>
    public static TrainingConfig Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new TrainingConfigException($"{path}: no such config file");
        }

        TrainingConfig? config;
        try
        {
            config = JsonSerializer.Deserialize<TrainingConfig>(File.ReadAllText(path), JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new TrainingConfigException($"{path}: {ex.Message}");
        }

        if (config is null)
        {
            throw new TrainingConfigException($"{path}: the file holds null, expected a training config object");
        }

        string folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        config = config with
        {
            SourcePath = Path.GetFullPath(path),
            Data = config.Data.Select(d => d.StartsWith("synthetic:", StringComparison.Ordinal) ? d : Path.GetFullPath(Path.Combine(folder, d))).ToArray(),
            Output = Path.GetFullPath(Path.Combine(folder, config.Output)),
            Checkpoints = Path.GetFullPath(Path.Combine(folder, config.Checkpoints)),
            Vision = config.Vision is { Pretrain: { } pre } vision
                ? vision with
                {
                    Pretrain = pre with
                    {
                        Checkpoints = pre.Checkpoints.Length > 0 ? Path.GetFullPath(Path.Combine(folder, pre.Checkpoints)) : string.Empty,
                        Data = pre.Data?.Select(d => d.StartsWith("synthetic:", StringComparison.Ordinal) ? d : Path.GetFullPath(Path.Combine(folder, d))).ToArray(),
                    },
                }
                : config.Vision,
        };
        var problems = config.Validate().ToList();
        if (problems.Count > 0)
        {
            throw new TrainingConfigException(string.Join(Environment.NewLine, problems.Select(p => $"{path}: {p}")));
        }

        return config;
    }

    /// <summary>Every problem, one line each, naming the key with expected versus actual.</summary>
    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(Name)) yield return "name: must not be empty";
        if (Data is null || Data.Count == 0) yield return "data: lists no data set";
        if (Observations is null || Observations.Count == 0) yield return "observations: lists no observation";
        if (Actions is null || Actions.Count == 0) yield return "actions: lists no action";
        if (Model is null)
        {
            yield return "model: missing";
        }
        else
        {
            foreach (var p in Model.Validate()) yield return "model." + p;
        }

        if (Vision is not null)
        {
            foreach (var p in Vision.Validate()) yield return "vision." + p;
            foreach (var d in Vision.Pretrain?.Data ?? [])
            {
                if (Data is null || !Data.Contains(d)) yield return $"vision.pretrain.data: '{d}' is not one of the run's data sets";
            }
        }

        if (Training is null)
        {
            yield return "training: missing";
        }
        else
        {
            foreach (var p in Training.Validate()) yield return "training." + p;
            if (Training.FeatureNoise is > 0 && Vision?.Pretrain is null)
            {
                yield return "training.feature_noise: needs a pretrained, frozen trunk (vision.pretrain)";
            }

            if (Training.BrakeWeight is not null && !(Observations?.Contains(StepWeights.Velocity) == true && Actions?.Contains(StepWeights.Velocity) == true))
            {
                yield return $"training.brake_weight: needs {StepWeights.Velocity} among the observations and the actions";
            }

            if (Training.Seed is not null && Vision?.Pretrain is null)
            {
                yield return "training.seed: seeds a head on a pretrained, frozen trunk (vision.pretrain); without one, use the run's seed";
            }
        }
    }
}
