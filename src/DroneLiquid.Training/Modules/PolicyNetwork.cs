using DroneLiquid.Liquid.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace DroneLiquid.Training.Modules;

/// <summary>
/// What is trained: an optional perception trunk (vision policies) whose features (and nearness bands) come first in the liquid
/// input, then the normalised observations, into a <see cref="LiquidHead"/>. The same composition as the
/// flight-side <c>VisionPolicy</c> (features, then observations) or a plain liquid session (state policies).
/// </summary>
public sealed class PolicyNetwork : nn.Module
{
    /// <param name="bands">Nearness bands appended to the trunk's features (needs a trunk), or null.</param>
    public PolicyNetwork(LiquidModelSpec spec, TorchConvTrunk? trunk, bool freezeTime = false, NearnessBands? bands = null)
        : base("policy")
    {
        if (bands is not null && (trunk is null || bands.Features != trunk.Features))
        {
            throw new ArgumentException($"nearness bands over {bands.Features} features need a trunk of that width, got {(trunk is null ? "none" : trunk.Features.ToString(System.Globalization.CultureInfo.InvariantCulture))}", nameof(bands));
        }

        Trunk = trunk;
        Bands = bands;
        Head = new LiquidHead(spec, freezeTime);
        register_module("head", Head);
        if (trunk is not null)
        {
            register_module("trunk", trunk);
        }

        if (bands is not null)
        {
            register_module("bands", bands);
        }
    }

    public TorchConvTrunk? Trunk { get; }

    public NearnessBands? Bands { get; }

    public LiquidHead Head { get; }

    /// <param name="observations">[batch, time, observations], normalised.</param>
    /// <param name="elapsed">[batch, time] seconds.</param>
    /// <param name="images">[batch, time, 3, H, W] for a vision policy, else null.</param>
    public Tensor Forward(Tensor observations, Tensor elapsed, Tensor? images)
    {
        var inputs = observations;
        if (Trunk is not null)
        {
            if (images is null)
            {
                throw new ArgumentException("a vision policy needs images", nameof(images));
            }

            long batch = images.shape[0], steps = images.shape[1];
            var features = Trunk.call(images.reshape(batch * steps, images.shape[2], images.shape[3], images.shape[4]));
            if (Bands is not null)
            {
                features = Bands.call(features);
            }

            features = features.reshape(batch, steps, Bands?.Outputs ?? Trunk.Features);
            inputs = cat([features, observations], 2);
        }

        return Head.Forward(inputs, elapsed);
    }
}
