using DroneLiquid.Training.Config;
using DroneLiquid.Training.Data;

namespace DroneLiquid.Training.Tests.Fakes;

/// <summary>Small configs for tests, writing under a temporary folder.</summary>
public static class SmokeConfigs
{
    public static TrainingConfig State(string folder, int epochs) => new(
        "smoke",
        "test run",
        ["synthetic:16"],
        Path.Combine(folder, "policy"),
        Path.Combine(folder, "checkpoints"),
        7,
        SyntheticData.ObservationNames,
        SyntheticData.ActionNames,
        new ModelConfig("cfc", Units: 12, BackboneUnits: 16),
        null,
        new OptimisationConfig(Epochs: epochs, Window: 16, Batch: 8, LearningRate: 0.01, LearningRateFinal: 0.003));
}
