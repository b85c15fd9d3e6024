namespace DroneLiquid.Training.Data;

/// <summary>Episodes with named observation and action columns (catalogue and action-decoder names).</summary>
public sealed class TrainingData
{
    public TrainingData(IReadOnlyList<string> observationNames, IReadOnlyList<string> actionNames, IReadOnlyList<TrainingEpisode> episodes, int imageWidth = 0, int imageHeight = 0)
    {
        ObservationNames = observationNames;
        ActionNames = actionNames;
        Episodes = episodes;
        ImageWidth = imageWidth;
        ImageHeight = imageHeight;
        foreach (var episode in episodes)
        {
            Check(episode.Observations.Length, episode.Steps * observationNames.Count, episode.Id, "observations");
            Check(episode.Actions.Length, episode.Steps * actionNames.Count, episode.Id, "actions");
            Check(episode.ElapsedSeconds.Length, episode.Steps, episode.Id, "elapsed times");
            if (episode.Images is not null)
            {
                Check(episode.Images.Length, episode.Steps * 3 * imageWidth * imageHeight, episode.Id, "image bytes");
            }
        }
    }

    public IReadOnlyList<string> ObservationNames { get; }

    public IReadOnlyList<string> ActionNames { get; }

    public IReadOnlyList<TrainingEpisode> Episodes { get; }

    /// <summary>Camera width in pixels, 0 for state-only data.</summary>
    public int ImageWidth { get; }

    public int ImageHeight { get; }

    public bool HasImages => ImageWidth > 0 && Episodes.Count > 0 && Episodes.All(e => e.Images is not null);

    public IEnumerable<TrainingEpisode> Training => Episodes.Where(e => !e.Validation);

    public IEnumerable<TrainingEpisode> ValidationEpisodes => Episodes.Where(e => e.Validation);

    public long StepCount => Episodes.Sum(e => (long)e.Steps);

    /// <summary>Keeps only the named observation columns, in the given order.</summary>
    /// <exception cref="ArgumentException">A name is not a column of this data set.</exception>
    public TrainingData SelectObservations(IReadOnlyList<string> names)
    {
        var index = names.Select(n =>
        {
            int i = ObservationNames.ToList().IndexOf(n);
            return i >= 0 ? i : throw new ArgumentException($"observation '{n}' is not in the data set; it has: {string.Join(", ", ObservationNames)}");
        }).ToArray();
        int width = ObservationNames.Count;
        var episodes = Episodes.Select(e => e with { Observations = SelectColumns(e.Observations, width, e.Steps, index) }).ToArray();
        return new TrainingData(names, ActionNames, episodes, ImageWidth, ImageHeight);
    }

    /// <summary>The given columns of a row-major [steps, width] table, in the given order.</summary>
    public static float[] SelectColumns(float[] values, int width, int steps, int[] columns)
    {
        var selected = new float[steps * columns.Length];
        for (int t = 0; t < steps; t++)
        {
            for (int j = 0; j < columns.Length; j++)
            {
                selected[t * columns.Length + j] = values[t * width + columns[j]];
            }
        }

        return selected;
    }

    private static void Check(int actual, int expected, string id, string what)
    {
        if (actual != expected)
        {
            throw new ArgumentException($"episode {id}: {actual} {what}, expected {expected}");
        }
    }
}
