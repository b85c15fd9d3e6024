using DroneLiquid.Liquid.Wirings;

namespace DroneLiquid.Liquid.Models;

/// <summary>
/// The architecture of a liquid model: what ncps's constructor arguments say, with the values ncps
/// derives from them filled in. Together with a <see cref="Tensors.TensorDictionary"/> of weights it
/// defines a model; policy.json stores one of these.
/// </summary>
public abstract record LiquidModelSpec(int InputSize, bool MixedMemory)
{
    /// <summary>Width of the hidden state h (and of the LSTM cell state c with mixed memory).</summary>
    public abstract int StateSize { get; }

    /// <summary>Width of one output vector.</summary>
    public abstract int OutputSize { get; }
}

/// <summary>A CfC with a dense backbone (ncps <c>CfC(input_size, units: int, ...)</c>).</summary>
/// <param name="BackboneLayers">0 means no backbone: the heads see [x, h] directly.</param>
/// <param name="BackboneDropout">Kept because it shifts the state_dict indices of backbone layers; inert at inference.</param>
/// <param name="ProjSize">Optional output projection <c>fc</c>; null means the output is the state.</param>
public sealed record CfcSpec(
    int InputSize,
    int Units,
    CfcMode Mode = CfcMode.Default,
    BackboneActivation Activation = BackboneActivation.LecunTanh,
    int BackboneUnits = 128,
    int BackboneLayers = 1,
    float BackboneDropout = 0f,
    int? ProjSize = null,
    bool MixedMemory = false) : LiquidModelSpec(InputSize, MixedMemory)
{
    public override int StateSize => Units;

    public override int OutputSize => ProjSize ?? Units;
}

/// <summary>A CfC on a wiring, one CfC layer per wiring layer (ncps <c>CfC(input_size, units: Wiring, ...)</c>).</summary>
public sealed record WiredCfcSpec(
    int InputSize,
    Wiring Wiring,
    CfcMode Mode = CfcMode.Default,
    int? ProjSize = null,
    bool MixedMemory = false) : LiquidModelSpec(InputSize, MixedMemory)
{
    public override int StateSize => Wiring.Units;

    /// <summary>The last layer's width (ncps quirk: a single-layer wiring outputs the whole state), or the projection.</summary>
    public override int OutputSize => ProjSize ?? Wiring.Layers[^1].NeuronIds.Count;
}

/// <summary>An LTC on a wiring (ncps <c>LTC(input_size, units, ...)</c>).</summary>
public sealed record LtcSpec(
    int InputSize,
    Wiring Wiring,
    LtcMapping InputMapping = LtcMapping.Affine,
    LtcMapping OutputMapping = LtcMapping.Affine,
    int OdeUnfolds = 6,
    float Epsilon = 1e-8f,
    bool ImplicitParamConstraints = true,
    bool MixedMemory = false) : LiquidModelSpec(InputSize, MixedMemory)
{
    public override int StateSize => Wiring.Units;

    public override int OutputSize => Wiring.OutputDim;
}
