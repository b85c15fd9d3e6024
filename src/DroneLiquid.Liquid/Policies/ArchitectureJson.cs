using System.Text.Json;
using DroneLiquid.Liquid.Models;

namespace DroneLiquid.Liquid.Policies;

/// <summary>
/// The <c>architecture</c> block of policy.json: <c>kind</c> (CfC, WiredCfC, LTC) and every constructor
/// argument under ncps's names and spellings, with the wiring's matrices, layers and neuron types when wired.
/// </summary>
internal static class ArchitectureJson
{
    public const string CfcKind = "CfC", WiredCfcKind = "WiredCfC", LtcKind = "LTC";

    private static readonly IReadOnlyList<KeyValuePair<string, int>> Kinds = [new(CfcKind, 0), new(WiredCfcKind, 1), new(LtcKind, 2)];

    public static void Write(Utf8JsonWriter writer, LiquidModelSpec spec)
    {
        writer.WriteStartObject();
        switch (spec)
        {
            case CfcSpec cfc:
                writer.WriteString("kind", CfcKind);
                writer.WriteNumber("input_size", cfc.InputSize);
                writer.WriteNumber("units", cfc.Units);
                writer.WriteString("mode", NcpsNames.Of(cfc.Mode));
                writer.WriteString("activation", NcpsNames.Of(cfc.Activation));
                writer.WriteNumber("backbone_units", cfc.BackboneUnits);
                writer.WriteNumber("backbone_layers", cfc.BackboneLayers);
                writer.WriteNumber("backbone_dropout", cfc.BackboneDropout);
                WriteOptional(writer, "proj_size", cfc.ProjSize);
                writer.WriteBoolean("mixed_memory", cfc.MixedMemory);
                break;
            case WiredCfcSpec wired:
                writer.WriteString("kind", WiredCfcKind);
                writer.WriteNumber("input_size", wired.InputSize);
                writer.WriteString("mode", NcpsNames.Of(wired.Mode));
                WriteOptional(writer, "proj_size", wired.ProjSize);
                writer.WriteBoolean("mixed_memory", wired.MixedMemory);
                writer.WritePropertyName("wiring");
                WiringJson.Write(writer, wired.Wiring);
                break;
            case LtcSpec ltc:
                writer.WriteString("kind", LtcKind);
                writer.WriteNumber("input_size", ltc.InputSize);
                writer.WriteString("input_mapping", NcpsNames.Of(ltc.InputMapping));
                writer.WriteString("output_mapping", NcpsNames.Of(ltc.OutputMapping));
                writer.WriteNumber("ode_unfolds", ltc.OdeUnfolds);
                writer.WriteNumber("epsilon", ltc.Epsilon);
                writer.WriteBoolean("implicit_param_constraints", ltc.ImplicitParamConstraints);
                writer.WriteBoolean("mixed_memory", ltc.MixedMemory);
                writer.WritePropertyName("wiring");
                WiringJson.Write(writer, ltc.Wiring);
                break;
            default:
                throw new ArgumentException($"unknown model spec {spec.GetType().Name}", nameof(spec));
        }

        writer.WriteEndObject();
    }

    /// <summary>Reads the architecture block; null (with problems recorded) when unusable.</summary>
    public static LiquidModelSpec? Read(JsonCursor c)
    {
        int problemsBefore = c.Problems.Count;
        int? kind = c.Choice("kind", Kinds);
        int? inputSize = c.Int("input_size", 1);
        bool? mixed = c.Bool("mixed_memory");
        LiquidModelSpec? spec = null;
        switch (kind)
        {
            case 0:
                c.RejectUnknownKeys("CfC architecture", "kind", "input_size", "units", "mode", "activation", "backbone_units", "backbone_layers", "backbone_dropout", "proj_size", "mixed_memory");
                var units = c.Int("units", 1);
                var mode = c.Choice("mode", NcpsNames.Modes);
                var activation = c.Choice("activation", NcpsNames.Activations);
                var backboneLayers = c.Int("backbone_layers", 0);
                var backboneUnits = c.Int("backbone_units", backboneLayers == 0 ? 0 : 1);
                var dropout = c.Single("backbone_dropout", check: Dropout);
                var proj = c.Int("proj_size", 1, required: false);
                if (c.Problems.Count == problemsBefore)
                {
                    spec = new CfcSpec(inputSize!.Value, units!.Value, mode!.Value, activation!.Value, backboneUnits!.Value, backboneLayers!.Value, dropout!.Value, proj, mixed!.Value);
                }

                break;
            case 1:
                c.RejectUnknownKeys("WiredCfC architecture", "kind", "input_size", "mode", "proj_size", "mixed_memory", "wiring");
                var wiredMode = c.Choice("mode", NcpsNames.Modes);
                var wiredProj = c.Int("proj_size", 1, required: false);
                var wiring = c.Object("wiring") is { } w ? WiringJson.Read(w, inputSize) : null;
                if (c.Problems.Count == problemsBefore)
                {
                    spec = new WiredCfcSpec(inputSize!.Value, wiring!, wiredMode!.Value, wiredProj, mixed!.Value);
                }

                break;
            case 2:
                c.RejectUnknownKeys("LTC architecture", "kind", "input_size", "input_mapping", "output_mapping", "ode_unfolds", "epsilon", "implicit_param_constraints", "mixed_memory", "wiring");
                var inputMapping = c.Choice("input_mapping", NcpsNames.Mappings);
                var outputMapping = c.Choice("output_mapping", NcpsNames.Mappings);
                var unfolds = c.Int("ode_unfolds", 1);
                var epsilon = c.Single("epsilon", check: Epsilon);
                var constraints = c.Bool("implicit_param_constraints");
                var ltcWiring = c.Object("wiring") is { } lw ? WiringJson.Read(lw, inputSize) : null;
                if (c.Problems.Count == problemsBefore)
                {
                    spec = new LtcSpec(inputSize!.Value, ltcWiring!, inputMapping!.Value, outputMapping!.Value, unfolds!.Value, epsilon!.Value, constraints!.Value, mixed!.Value);
                }

                break;
        }

        return spec;
    }

    /// <summary>ncps's dropout is a probability; 1 would zero the backbone in training.</summary>
    internal static string? Dropout(float p) => p is >= 0f and < 1f ? null : "backbone dropout must be in [0, 1)";

    internal static string? Epsilon(float e) => float.IsFinite(e) && e >= 0f ? null : "epsilon must be a finite number >= 0";

    private static void WriteOptional(Utf8JsonWriter writer, string key, int? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(key, v);
        }
        else
        {
            writer.WriteNull(key);
        }
    }
}
