using DroneLiquid.Training.Modules;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DroneLiquid.Training.Trainer;

/// <summary>
/// The running mean of the trainable weights after each of the last epochs (the tail average of stochastic weight
/// averaging). Heads of equal training loss can fly quite differently; the mean of several points along the end of
/// the run sits nearer the middle of the basin they share than any one of them.
/// </summary>
internal sealed class WeightAverage(IReadOnlyList<Parameter> parameters) : IDisposable
{
    private readonly Tensor[] _mean = parameters.Select(p => zeros_like(p).detach()).ToArray();

    /// <summary>How many epochs' weights the mean holds.</summary>
    public int Count { get; private set; }

    /// <summary>Adds the current weights: mean += (w - mean) / n.</summary>
    public void Add()
    {
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        Count++;
        using Scalar count = Count.ToScalar(); // held through the native calls, as TorchScalars explains
        for (int i = 0; i < _mean.Length; i++)
        {
            _mean[i].add_(parameters[i].sub(_mean[i]).div(count), TorchScalars.One);
        }
    }

    /// <summary>Exchanges the module's weights with the mean: once to fly or save the mean, again to go back.</summary>
    public void Swap()
    {
        using var _ = no_grad();
        for (int i = 0; i < _mean.Length; i++)
        {
            using var weights = parameters[i].detach().clone();
            parameters[i].copy_(_mean[i]);
            _mean[i].copy_(weights);
        }
    }

    /// <summary>Writes the mean to <paramref name="path"/> as <paramref name="module"/>'s weights (the module is left as it was).</summary>
    public void Save(nn.Module module, string path)
    {
        Swap();
        try
        {
            module.save(path);
        }
        finally
        {
            Swap();
        }
    }

    /// <summary>Reads a mean of <paramref name="count"/> epochs saved by <see cref="Save"/>; the module's weights are restored after.</summary>
    public void Load(nn.Module module, string path, int count)
    {
        Swap(); // the module's weights into _mean
        module.load(path);
        Swap(); // the loaded mean into _mean, the module's weights back
        Count = count;
    }

    public void Dispose()
    {
        foreach (var t in _mean)
        {
            t.Dispose();
        }
    }
}
