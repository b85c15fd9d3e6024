using System.Text.Json;
using DroneLiquid.Liquid.Models;
using DroneLiquid.Liquid.Tensors;
using DroneLiquid.Liquid.Wirings;

namespace DroneLiquid.Liquid.Reference;

/// <summary>Turns the JSON of a reference vector file into a <see cref="ReferenceCase"/>, naming the key of any problem.</summary>
internal static class ReferenceCaseParser
{
    public static ReferenceCase Parse(Stream json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{source}: not valid JSON ({ex.Message})", ex);
        }

        using (document)
        {
            var reader = new JsonFields(document.RootElement, source);
            try
            {
                return Read(reader);
            }
            catch (Exception ex) when (ex is ArgumentException || (ex is InvalidDataException && !ex.Message.StartsWith(source + ":", StringComparison.Ordinal)))
            {
                // Wiring, tensor and dictionary constructors name the field but not the file.
                throw new InvalidDataException($"{source}: {ex.Message}", ex);
            }
        }
    }

    private static ReferenceCase Read(JsonFields root)
    {
        int version = root.Int("format_version");
        if (version != 1)
        {
            throw root.Error("format_version", $"is {version}, this reader knows version 1");
        }

        string kind = root.String("kind");
        var config = root.Object("config");
        var args = config.Object("constructor_args");
        bool mixed = args.Bool("mixed_memory");
        int inputSize = args.Int("input_size");
        LiquidModelSpec spec = kind switch
        {
            "CfC" => CfcSpecOf(args, config.Object("effective"), inputSize, mixed),
            "WiredCfC" => new WiredCfcSpec(inputSize, WiringOf(config.Object("wiring")), ModeOf(args), args.OptionalInt("proj_size"), mixed),
            "LTC" => new LtcSpec(
                inputSize,
                WiringOf(config.Object("wiring")),
                MappingOf(args.String("input_mapping")),
                MappingOf(args.String("output_mapping")),
                args.Int("ode_unfolds"),
                args.Float("epsilon"),
                args.Bool("implicit_param_constraints"),
                mixed),
            _ => throw root.Error("kind", $"is '{kind}', expected CfC, WiredCfC or LTC"),
        };

        var weights = new TensorDictionary();
        foreach (var parameter in root.Array("parameters"))
        {
            string name = parameter.String("name");
            var shape = parameter.IntArray("shape");
            weights.Add(new NamedTensor(name, shape, parameter.FloatArray("data")));
        }

        var inputs = root.Floats3("inputs", -1, -1, spec.InputSize);
        int batch = inputs.Length, steps = inputs[0].Length;
        bool hasTimespans = !root.IsNull("timespans");
        var elapsed = hasTimespans ? root.Floats2("timespans", batch, steps) : Enumerable.Range(0, batch).Select(_ => Enumerable.Repeat(1f, steps).ToArray()).ToArray();
        float[][]? initialH = null, initialC = null;
        if (!root.IsNull("initial_state"))
        {
            var initial = root.Object("initial_state");
            initialH = initial.Floats2("h", batch, spec.StateSize);
            initialC = initial.IsNull("c") ? null : initial.Floats2("c", batch, spec.StateSize);
        }

        var final = root.Object("final_state");
        return new ReferenceCase(
            root.String("name"),
            kind,
            spec,
            weights,
            inputs,
            elapsed,
            hasTimespans,
            initialH,
            initialC,
            root.Floats3("outputs", batch, steps, spec.OutputSize),
            root.Floats3("per_step_states", batch, steps, spec.StateSize),
            root.IsNull("per_step_cell_states") ? null : root.Floats3("per_step_cell_states", batch, steps, spec.StateSize),
            final.Floats2("h", batch, spec.StateSize),
            final.IsNull("c") ? null : final.Floats2("c", batch, spec.StateSize));
    }

    private static CfcSpec CfcSpecOf(JsonFields args, JsonFields effective, int inputSize, bool mixed)
    {
        if (args.Has("units") && args.Kind("units") != JsonValueKind.Number)
        {
            throw args.Error("units", "is a wiring, but kind CfC needs an integer (a wired model has kind WiredCfC)");
        }

        return new CfcSpec(
            inputSize,
            args.Int("units"),
            ModeOf(args),
            ActivationOf(effective.Has("backbone_activation") ? effective.String("backbone_activation") : args.String("activation"), args),
            effective.OptionalInt("backbone_units") ?? args.OptionalInt("backbone_units") ?? 128,
            effective.OptionalInt("backbone_layers") ?? args.OptionalInt("backbone_layers") ?? 1,
            effective.OptionalFloat("backbone_dropout") ?? args.OptionalFloat("backbone_dropout") ?? 0f,
            args.OptionalInt("proj_size"),
            mixed);
    }

    private static CfcMode ModeOf(JsonFields args) => args.String("mode") switch
    {
        "default" => CfcMode.Default,
        "no_gate" => CfcMode.NoGate,
        "pure" => CfcMode.Pure,
        var other => throw args.Error("mode", $"is '{other}', expected default, no_gate or pure"),
    };

    private static BackboneActivation ActivationOf(string name, JsonFields args) => name switch
    {
        "lecun_tanh" => BackboneActivation.LecunTanh,
        "tanh" => BackboneActivation.Tanh,
        "relu" => BackboneActivation.Relu,
        "silu" => BackboneActivation.Silu,
        "gelu" => BackboneActivation.Gelu,
        _ => throw args.Error("activation", $"is '{name}', expected lecun_tanh, tanh, relu, silu or gelu"),
    };

    /// <summary>ncps maps with "affine", "linear", and leaves the values unchanged for anything else.</summary>
    private static LtcMapping MappingOf(string name) => name switch
    {
        "affine" => LtcMapping.Affine,
        "linear" => LtcMapping.Linear,
        _ => LtcMapping.None,
    };

    private static Wiring WiringOf(JsonFields wiring)
    {
        int units = wiring.Int("units");
        int inputs = wiring.Int("input_dim");
        var adjacency = wiring.Polarities("adjacency_matrix", units, units);
        var sensory = wiring.Polarities("sensory_adjacency_matrix", inputs, units);
        var layers = wiring.Array("layers").Select(l => new WiringLayer(l.String("name"), l.IntArray("neurons"))).ToArray();
        string[]? types = wiring.Has("neuron_types") ? wiring.Array("neuron_types").Select(t => t.Value.GetString() ?? "").ToArray() : null;
        return new Wiring(wiring.String("type"), adjacency, sensory, wiring.Int("output_dim"), layers, types);
    }
}
