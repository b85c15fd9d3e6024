using DroneLiquid.Liquid.Tensors;

namespace DroneLiquid.Liquid.Models;

/// <summary>
/// Seeded weights for an architecture, drawn from ncps's own initialisation ranges (Xavier-uniform matrices,
/// LTC's uniform ranges, erev and masks from the wiring). For benchmarks, tests and untrained simulation
/// runs; the keys are exactly those <see cref="LiquidModel.Create"/> expects.
/// </summary>
public static class RandomWeights
{
    /// <summary>Same spec and seed give the same tensors on every machine (System.Random with a seed).</summary>
    public static TensorDictionary Create(LiquidModelSpec spec, int seed)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var reader = WeightReader.Generating(seed);
        LiquidModel.Build(spec, reader);
        return reader.Taken;
    }
}
