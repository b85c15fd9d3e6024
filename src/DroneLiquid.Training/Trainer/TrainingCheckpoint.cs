using System.Text.Json;
using TorchSharp;

namespace DroneLiquid.Training.Trainer;

/// <summary>
/// The checkpoint folder: after every epoch <c>last.model</c> (network), <c>last.optim</c> (Adam moments),
/// <c>state.json</c> (epoch, losses, best epoch, config fingerprint), and <c>best.model</c> whenever the
/// validation loss improves, and <c>average.model</c> while <c>training.export</c> is "average". Files are written under temporary names and renamed, so an interrupted run leaves
/// the previous epoch's checkpoint intact; a rerun with the same config resumes after the last finished epoch.
/// </summary>
public sealed class TrainingCheckpoint(string folder)
{
    private const string StateFile = "state.json";
    private const string LastModel = "last.model";
    private const string LastOptimizer = "last.optim";
    private const string BestModel = "best.model";
    private const string AverageModel = "average.model";

    public string Folder { get; } = folder;

    public string BestModelPath => Path.Combine(Folder, BestModel);

    public string LastModelPath => Path.Combine(Folder, LastModel);

    public string AverageModelPath => Path.Combine(Folder, AverageModel);

    public CheckpointState? TryReadState()
    {
        string path = Path.Combine(Folder, StateFile);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<CheckpointState>(File.ReadAllText(path), Config.TrainingConfig.JsonOptions)
                ?? throw new InvalidDataException($"{path}: holds null");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not a checkpoint state ({ex.Message}); delete the folder or run with --restart");
        }
    }

    /// <param name="writeAverage">Writes the weight average to the path it is given; null when none is kept.</param>
    public void Save(torch.nn.Module network, TorchSharp.Modules.OptimizerHelper optimizer, CheckpointState state, bool best, Action<string>? writeAverage = null)
    {
        Directory.CreateDirectory(Folder);
        Replace(LastModel, tmp => network.save(tmp));
        Replace(LastOptimizer, tmp => optimizer.save_state_dict(tmp));
        if (best)
        {
            Replace(BestModel, tmp => network.save(tmp));
        }

        if (writeAverage is not null)
        {
            Replace(AverageModel, writeAverage);
        }

        Replace(StateFile, tmp => File.WriteAllText(tmp, JsonSerializer.Serialize(state, Config.TrainingConfig.JsonOptions)));
    }

    public void Restore(torch.nn.Module network, TorchSharp.Modules.OptimizerHelper optimizer)
    {
        network.load(Path.Combine(Folder, LastModel));
        optimizer.load_state_dict(Path.Combine(Folder, LastOptimizer));
    }

    public void Clear()
    {
        if (!Directory.Exists(Folder))
        {
            return;
        }

        foreach (string name in new[] { StateFile, LastModel, LastOptimizer, BestModel, AverageModel })
        {
            File.Delete(Path.Combine(Folder, name));
        }
    }

    private void Replace(string name, Action<string> write)
    {
        string path = Path.Combine(Folder, name);
        string tmp = path + ".tmp";
        write(tmp);
        File.Move(tmp, path, overwrite: true);
    }
}
