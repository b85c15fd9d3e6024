using DroneLiquid.Liquid.Tensors;

namespace DroneLiquid.Liquid.Policies;

/// <summary>What a safetensors file holds: the tensors in header order, and the optional <c>__metadata__</c> strings.</summary>
public sealed record SafetensorsContent(TensorDictionary Tensors, IReadOnlyDictionary<string, string> Metadata);
