using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DroneLiquid.Training.Modules;

/// <summary>
/// The trunk's stage-one readout: one frame's features and observations through one hidden tanh layer to the
/// commands. It only shapes the trunk and is never exported; the recurrent head replaces it. With nearness cells, a
/// linear map from the features alone also predicts the auxiliary nearness grid (<see cref="Data.NearnessTargets"/>),
/// so the features the head will see must carry where things are near. It borrows the trunk: disposing it frees only
/// its own layers.
/// </summary>
public sealed class FrameReadout : nn.Module
{
    private readonly Linear _hidden;
    private readonly Linear _output;
    private readonly Linear? _nearness;

    public FrameReadout(TorchConvTrunk trunk, int observations, int actions, int hidden, int nearnessCells = 0)
        : base("frame_readout")
    {
        Trunk = trunk;
        _hidden = nn.Linear(trunk.Features + observations, hidden);
        _output = nn.Linear(hidden, actions);
        register_module("trunk", trunk);
        register_module("hidden", _hidden);
        register_module("output", _output);
        if (nearnessCells > 0)
        {
            _nearness = nn.Linear(trunk.Features, nearnessCells);
            register_module("nearness", _nearness);
        }
    }

    public TorchConvTrunk Trunk { get; }

    /// <summary>The nearness map's weight [cells * features, row-major] and bias [cells]; null without nearness cells.</summary>
    public NearnessReadout? Nearness => _nearness is null ? null : new(Values(_nearness.weight!), Values(_nearness.bias!));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hidden.Dispose();
            _output.Dispose();
            _nearness?.Dispose();
        }
    }

    private static float[] Values(Tensor tensor)
    {
        using var cpu = tensor.detach().cpu().contiguous();
        return cpu.data<float>().ToArray();
    }

    /// <param name="images">[n, 3, H, W].</param>
    /// <param name="observations">[n, observations], normalised.</param>
    /// <returns>[n, actions], normalised commands.</returns>
    public Tensor Forward(Tensor images, Tensor observations) => ForwardWithNearness(images, observations).Commands;

    /// <returns>Commands [n, actions] and, with nearness cells, the nearness grid [n, cells] (else null).</returns>
    public (Tensor Commands, Tensor? Nearness) ForwardWithNearness(Tensor images, Tensor observations)
    {
        var features = Trunk.call(images);
        var commands = _output.call(_hidden.call(cat([features, observations], 1)).tanh());
        return (commands, _nearness?.call(features));
    }
}

/// <summary>Stage one's linear map from the trunk's features to the nearness grid.</summary>
public sealed record NearnessReadout(float[] Weight, float[] Bias);
