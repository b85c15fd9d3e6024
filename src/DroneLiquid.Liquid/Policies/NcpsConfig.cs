using System.Text.Json;
using DroneLiquid.Liquid.Models;
using DroneLiquid.Liquid.Wirings;

namespace DroneLiquid.Liquid.Policies;

/// <summary>
/// Reads the config.json a Python user writes beside <c>safetensors.torch.save_file(model.state_dict(), ...)</c>:
/// <c>model_class</c> ("CfC" or "LTC"), <c>constructor_args</c> exactly as ncps takes them, and for wired models
/// the <c>wiring</c> with its matrices (README "Import from ncps"). The <c>config</c> block of a reference vector
/// file has the same shape, so a whole reference file is accepted too.
/// </summary>
public static class NcpsConfig
{
    private static readonly IReadOnlyList<KeyValuePair<string, int>> Classes =
        [new("CfC", 0), new("ncps.torch.CfC", 0), new("LTC", 1), new("ncps.torch.LTC", 1)];

    private static readonly string[] CfcArgs =
        ["input_size", "units", "proj_size", "return_sequences", "batch_first", "mixed_memory", "mode", "activation", "backbone_units", "backbone_layers", "backbone_dropout"];

    private static readonly string[] LtcArgs =
        ["input_size", "units", "return_sequences", "batch_first", "mixed_memory", "input_mapping", "output_mapping", "ode_unfolds", "epsilon", "implicit_param_constraints", "use_swish_activation"];

    /// <param name="source">The file name used in messages.</param>
    /// <exception cref="PolicyFormatException">One line per problem.</exception>
    public static LiquidModelSpec Parse(string json, string source)
    {
        var problems = new JsonProblems(source);
        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new PolicyFormatException([$"{source}: not valid JSON: {ex.Message}"]);
        }

        using (parsed)
        {
            var root = JsonCursor.Root(parsed, problems);
            if (!root.Has("model_class") && root.Object("config", required: false) is { } block)
            {
                root = block; // a whole reference vector file
            }

            var spec = Read(root);
            problems.ThrowIfAny();
            return spec!;
        }
    }

    private static LiquidModelSpec? Read(JsonCursor root)
    {
        int before = root.Problems.Count;
        int? modelClass = root.Choice("model_class", Classes);
        if (root.Object("constructor_args") is not { } args || modelClass is null)
        {
            return null;
        }

        args.RejectUnknownKeys(modelClass == 0 ? "ncps CfC argument" : "ncps LTC argument", modelClass == 0 ? CfcArgs : LtcArgs);
        int? inputSize = args.Int("input_size", 1);
        args.Bool("return_sequences", required: false);
        args.Bool("batch_first", required: false);
        bool mixed = args.Bool("mixed_memory", required: false) ?? false;
        bool wired = args.Has("units") && args.Element.GetProperty("units").ValueKind != JsonValueKind.Number;
        int? units = wired ? null : args.Int("units", 1);
        Wiring? wiring = null;
        if (wired || modelClass == 1)
        {
            if (root.Object("wiring", required: false) is { } w)
            {
                wiring = WiringJson.Read(w, inputSize);
                CheckWiringAgainstUnits(args, wiring, units);
            }
            else
            {
                root.Problem("wiring", "is missing; a wired CfC and every LTC need the wiring's matrices (ncps draws them from numpy's RNG): write model.rnn_cell._wiring as the README shows");
            }
        }

        LiquidModelSpec? spec = modelClass == 0 ? ReadCfc(args, inputSize, units, wiring, wired, mixed) : ReadLtc(args, inputSize, wiring, mixed);
        return root.Problems.Count == before ? spec : null;
    }

    private static LiquidModelSpec? ReadCfc(JsonCursor args, int? inputSize, int? units, Wiring? wiring, bool wired, bool mixed)
    {
        var mode = args.Choice("mode", NcpsNames.Modes, required: false) ?? CfcMode.Default;
        var activation = args.Choice("activation", NcpsNames.Activations, required: false) ?? BackboneActivation.LecunTanh;
        int? proj = args.Int("proj_size", 1, required: false);
        if (wired)
        {
            foreach (string key in new[] { "backbone_units", "backbone_layers", "backbone_dropout" }.Where(args.Has))
            {
                args.Problem(key, $"{JsonCursor.Show(args.Element.GetProperty(key))} is not allowed with a wiring (ncps raises); must be null");
            }

            return inputSize is null || wiring is null ? null : new WiredCfcSpec(inputSize.Value, wiring, mode, proj, mixed);
        }

        // ncps's defaults for null: 128 units, 1 layer, no dropout.
        int backboneLayers = args.Int("backbone_layers", 0, required: false) ?? 1;
        int backboneUnits = args.Int("backbone_units", 1, required: false) ?? 128;
        float dropout = args.Single("backbone_dropout", required: false, check: ArchitectureJson.Dropout) ?? 0f;
        return inputSize is null || units is null ? null : new CfcSpec(inputSize.Value, units.Value, mode, activation, backboneUnits, backboneLayers, dropout, proj, mixed);
    }

    private static LtcSpec? ReadLtc(JsonCursor args, int? inputSize, Wiring? wiring, bool mixed)
    {
        var inputMapping = args.Choice("input_mapping", NcpsNames.Mappings, required: false) ?? LtcMapping.Affine;
        var outputMapping = args.Choice("output_mapping", NcpsNames.Mappings, required: false) ?? LtcMapping.Affine;
        int unfolds = args.Int("ode_unfolds", 1, required: false) ?? 6;
        float epsilon = args.Single("epsilon", required: false, check: ArchitectureJson.Epsilon) ?? 1e-8f;
        bool constraints = args.Bool("implicit_param_constraints", required: false) ?? true;
        if (args.Bool("use_swish_activation", required: false) == true)
        {
            args.Problem("use_swish_activation", "true is not supported; DroneLiquid runs the LTC of ncps 1.0.1 (false)");
        }

        return inputSize is null || wiring is null ? null : new LtcSpec(inputSize.Value, wiring, inputMapping, outputMapping, unfolds, epsilon, constraints, mixed);
    }

    /// <summary>When constructor_args.units names the wiring ({"type", "args"}) or a count, it must agree with the matrices.</summary>
    private static void CheckWiringAgainstUnits(JsonCursor args, Wiring? wiring, int? units)
    {
        if (wiring is null)
        {
            return;
        }

        if (units is not null && units != wiring.Units)
        {
            args.Problem("units", $"{units} does not match the wiring, which has {wiring.Units} neurons");
        }

        if (units is not null || args.Object("units", required: false) is not { } described)
        {
            return;
        }

        if (described.String("type", required: false) is { } type && type != wiring.Type)
        {
            described.Problem("type", $"'{type}' does not match wiring.type '{wiring.Type}'");
        }

        if (described.Object("args", required: false) is { } wiringArgs && wiringArgs.Int("units", 1, required: false) is { } n && n != wiring.Units)
        {
            wiringArgs.Problem("units", $"{n} does not match the wiring, which has {wiring.Units} neurons");
        }
    }
}
