using DroneLiquid.Training.Config;

namespace DroneLiquid.Training.Data;

/// <summary>Reads a data set folder written by <c>droneliquid collect</c>.</summary>
public static class CollectedData
{
    public static TrainingData Load(string folder, TrainingConfig config)
    {
        if (!Directory.Exists(folder))
        {
            throw new TrainingConfigException($"{config.SourcePath}: data set folder {folder} does not exist; write it with `droneliquid collect`");
        }

        throw new TrainingConfigException($"{config.SourcePath}: data set folder {folder}: the collected data set reader is not merged yet");
    }
}
