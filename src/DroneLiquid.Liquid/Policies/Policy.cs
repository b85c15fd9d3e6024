using DroneLiquid.Liquid.Tensors;

namespace DroneLiquid.Liquid.Policies;

/// <summary>A policy folder read and verified: its document and its weights in state_dict order.</summary>
/// <param name="Directory">The folder it was read from.</param>
public sealed record Policy(string Directory, PolicyDocument Document, TensorDictionary Weights);
