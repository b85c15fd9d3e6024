using System.Globalization;
using DroneLiquid.Training.Config;

namespace DroneLiquid.Training.Data;

/// <summary>Loads the data sets a config names: "synthetic:N" (generated, N episodes of 200 steps) or collected folders.</summary>
public static class DataLoader
{
    public static TrainingData Load(TrainingConfig config)
    {
        var parts = config.Data.Select(source => LoadOne(source, config)).ToList();
        return parts.Count == 1 ? parts[0] : Concatenate(parts, config);
    }

    private static TrainingData LoadOne(string source, TrainingConfig config)
    {
        if (source.StartsWith("synthetic:", StringComparison.Ordinal))
        {
            if (!int.TryParse(source.AsSpan("synthetic:".Length), NumberStyles.Integer, CultureInfo.InvariantCulture, out int episodes) || episodes < 2)
            {
                throw new TrainingConfigException($"{config.SourcePath}: data entry '{source}' should be synthetic:N with N >= 2 episodes");
            }

            return SyntheticData.Generate(episodes, 200, config.Seed);
        }

        return CollectedData.Load(source, config);
    }

    private static TrainingData Concatenate(List<TrainingData> parts, TrainingConfig config)
    {
        var first = parts[0];
        foreach (var part in parts.Skip(1))
        {
            if (!part.ObservationNames.SequenceEqual(first.ObservationNames) || !part.ActionNames.SequenceEqual(first.ActionNames)
                || part.ImageWidth != first.ImageWidth || part.ImageHeight != first.ImageHeight)
            {
                throw new TrainingConfigException($"{config.SourcePath}: the data sets listed have different columns or image sizes; they cannot be trained on together");
            }
        }

        return new TrainingData(first.ObservationNames, first.ActionNames, parts.SelectMany(p => p.Episodes).ToArray(), first.ImageWidth, first.ImageHeight);
    }
}
