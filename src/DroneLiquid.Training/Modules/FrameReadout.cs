using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DroneLiquid.Training.Modules;

/// <summary>
/// The trunk's stage-one readout: one frame's features and observations through one hidden tanh layer to the
/// commands. It only shapes the trunk and is never exported; the recurrent head replaces it. It borrows the
/// trunk: disposing it frees only its own layers.
/// </summary>
public sealed class FrameReadout : nn.Module
{
    private readonly Linear _hidden;
    private readonly Linear _output;

    public FrameReadout(TorchConvTrunk trunk, int observations, int actions, int hidden)
        : base("frame_readout")
    {
        Trunk = trunk;
        _hidden = nn.Linear(trunk.Features + observations, hidden);
        _output = nn.Linear(hidden, actions);
        register_module("trunk", trunk);
        register_module("hidden", _hidden);
        register_module("output", _output);
    }

    public TorchConvTrunk Trunk { get; }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hidden.Dispose();
            _output.Dispose();
        }
    }

    /// <param name="images">[n, 3, H, W].</param>
    /// <param name="observations">[n, observations], normalised.</param>
    /// <returns>[n, actions], normalised commands.</returns>
    public Tensor Forward(Tensor images, Tensor observations) =>
        _output.call(_hidden.call(cat([Trunk.call(images), observations], 1)).tanh());
}
