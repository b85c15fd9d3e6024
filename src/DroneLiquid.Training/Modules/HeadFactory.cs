using DroneLiquid.Liquid.Models;
using DroneLiquid.Liquid.Wirings;
using DroneLiquid.Training.Config;

namespace DroneLiquid.Training.Modules;

/// <summary>Turns a <see cref="ModelConfig"/> into the architecture written to policy.json.</summary>
public static class HeadFactory
{
    /// <param name="inputSize">Liquid inputs: image features (vision) plus observations.</param>
    /// <param name="outputs">Actions.</param>
    /// <returns>The spec and whether the time gate is frozen (the LSTM baseline).</returns>
    public static (LiquidModelSpec Spec, bool FreezeTime) Create(ModelConfig model, int inputSize, int outputs) => model.Type switch
    {
        "cfc" => (new CfcSpec(inputSize, model.Units, BackboneUnits: model.BackboneUnits, BackboneLayers: model.BackboneLayers, ProjSize: outputs), false),
        "ncp" => (new WiredCfcSpec(inputSize, WiringGenerators.Ncp(
            inputSize,
            new NcpParameters(model.Inter, model.Command, outputs, model.SensoryFanout, model.InterFanout, model.RecurrentCommandSynapses, model.MotorFanin),
            model.WiringSeed)), false),
        // No backbone: the LSTM carries the memory, the CfC layer with time_a = 0 is a fixed gated readout.
        "lstm" => (new CfcSpec(inputSize, model.Units, BackboneLayers: 0, ProjSize: outputs, MixedMemory: true), true),
        _ => throw new ArgumentException($"model.type is '{model.Type}', expected cfc, ncp or lstm"),
    };
}
