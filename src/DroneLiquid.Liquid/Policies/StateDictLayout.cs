using DroneLiquid.Liquid.Models;
using DroneLiquid.Liquid.Tensors;

namespace DroneLiquid.Liquid.Policies;

/// <summary>
/// The <c>state_dict</c> an ncps model of a given spec has (keys, shapes, trainable or mask), in the order
/// ncps registers them, and the checks a policy's weights must pass before they fly: every key present
/// with its shape, no unknown key, every value finite, masks equal to what the wiring implies.
/// </summary>
public static class StateDictLayout
{
    public static IReadOnlyList<ParameterSpec> For(LiquidModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var list = new List<ParameterSpec>();
        switch (spec)
        {
            case CfcSpec cfc:
                AddDenseCfc(list, cfc);
                break;
            case WiredCfcSpec wired:
                int inputs = wired.InputSize;
                for (int k = 0; k < wired.Wiring.Layers.Count; k++)
                {
                    int n = wired.Wiring.Layers[k].NeuronIds.Count;
                    string prefix = $"rnn_cell.layer_{k}.";
                    list.Add(new(prefix + "sparsity_mask", [n, inputs + n], Trainable: false));
                    AddHeads(list, prefix, wired.Mode, n, inputs + n);
                    inputs = n;
                }

                break;
            case LtcSpec ltc:
                AddLtc(list, ltc);
                break;
        }

        if (spec.MixedMemory)
        {
            int u = spec.StateSize;
            list.Add(new("lstm.input_map.weight", [4 * u, spec.InputSize], true));
            list.Add(new("lstm.input_map.bias", [4 * u], true));
            list.Add(new("lstm.recurrent_map.weight", [4 * u, u], true));
        }

        int? proj = spec switch { CfcSpec c => c.ProjSize, WiredCfcSpec w => w.ProjSize, _ => null };
        if (proj is { } p)
        {
            // The cell's output: the last layer's state for a wired CfC (ncps sizes fc by output_dim, which is
            // the same for NCP; a single-layer wiring with fewer outputs than units cannot run a projection in ncps).
            int cellOutputs = spec is WiredCfcSpec ws ? ws.Wiring.Layers[^1].NeuronIds.Count : spec.StateSize;
            list.Add(new("fc.weight", [p, cellOutputs], true));
            list.Add(new("fc.bias", [p], true));
        }

        return list;
    }

    /// <summary>Every problem of <paramref name="tensors"/> against <paramref name="spec"/>, one line each (empty when fine).</summary>
    public static IReadOnlyList<string> Check(LiquidModelSpec spec, TensorDictionary tensors)
    {
        var problems = new List<string>();
        var expected = For(spec);
        foreach (var parameter in expected)
        {
            if (!tensors.TryGet(parameter.Name, out var tensor))
            {
                problems.Add($"tensor '{parameter.Name}' is missing (expected shape {NamedTensor.FormatShape(parameter.Shape)})");
                continue;
            }

            if (!tensor.Shape.AsSpan().SequenceEqual(parameter.Shape))
            {
                problems.Add($"tensor '{parameter.Name}' has shape {NamedTensor.FormatShape(tensor.Shape)}, expected {NamedTensor.FormatShape(parameter.Shape)}");
                continue;
            }

            int bad = Array.FindIndex(tensor.Data, v => !float.IsFinite(v));
            if (bad >= 0)
            {
                problems.Add($"tensor '{parameter.Name}' holds {tensor.Data[bad]} at flat index {bad}; weights must be finite");
            }
            else if (!parameter.Trainable && ImpliedMask(spec, parameter.Name) is { } mask)
            {
                int differs = FirstDifference(mask, tensor.Data);
                if (differs >= 0)
                {
                    int columns = parameter.Shape[1];
                    problems.Add($"tensor '{parameter.Name}' [{differs / columns}, {differs % columns}] is {tensor.Data[differs]}, but the wiring's matrices give {mask[differs]}: the weights were trained on another wiring");
                }
            }
        }

        var known = expected.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(tensors.Tensors.Where(t => !known.Contains(t.Name))
            .Select(t => $"tensor '{t.Name}' {NamedTensor.FormatShape(t.Shape)} is not a parameter of this architecture"));
        return problems;
    }

    /// <summary>The tensors reordered to the layout's order (callers check first: every expected key must be present).</summary>
    public static TensorDictionary InLayoutOrder(LiquidModelSpec spec, TensorDictionary tensors) =>
        new(For(spec).Select(p => tensors.Get(p.Name, p.Shape)));

    /// <summary>Values of trainable parameters, of masks, and in all, per the layout.</summary>
    public static (long Trainable, long Masks, long Total) Count(LiquidModelSpec spec)
    {
        var layout = For(spec);
        long trainable = layout.Where(p => p.Trainable).Sum(p => p.ValueCount);
        long masks = layout.Where(p => !p.Trainable).Sum(p => p.ValueCount);
        return (trainable, masks, trainable + masks);
    }

    private static void AddDenseCfc(List<ParameterSpec> list, CfcSpec cfc)
    {
        // ncps registers the pure-mode parameters before the backbone (see reference cfc_pure.json).
        if (cfc.Mode == CfcMode.Pure)
        {
            list.Add(new("rnn_cell.w_tau", [1, cfc.Units], true));
            list.Add(new("rnn_cell.A", [1, cfc.Units], true));
        }

        int width = cfc.InputSize + cfc.Units;
        for (int i = 0; i < cfc.BackboneLayers; i++)
        {
            // nn.Sequential indices: Linear, activation, [Dropout after every pair but the first].
            int index = i == 0 ? 0 : cfc.BackboneDropout > 0f ? 2 + (3 * (i - 1)) : 2 * i;
            list.Add(new($"rnn_cell.backbone.{index}.weight", [cfc.BackboneUnits, width], true));
            list.Add(new($"rnn_cell.backbone.{index}.bias", [cfc.BackboneUnits], true));
            width = cfc.BackboneUnits;
        }

        AddHeads(list, "rnn_cell.", cfc.Mode, cfc.Units, width, includePureParameters: false);
    }

    private static void AddHeads(List<ParameterSpec> list, string prefix, CfcMode mode, int units, int width, bool includePureParameters = true)
    {
        list.Add(new(prefix + "ff1.weight", [units, width], true));
        list.Add(new(prefix + "ff1.bias", [units], true));
        if (mode == CfcMode.Pure)
        {
            if (includePureParameters)
            {
                list.Add(new(prefix + "w_tau", [1, units], true));
                list.Add(new(prefix + "A", [1, units], true));
            }

            return;
        }

        foreach (string head in new[] { "ff2", "time_a", "time_b" })
        {
            list.Add(new($"{prefix}{head}.weight", [units, width], true));
            list.Add(new($"{prefix}{head}.bias", [units], true));
        }
    }

    private static void AddLtc(List<ParameterSpec> list, LtcSpec ltc)
    {
        int u = ltc.Wiring.Units, n = ltc.InputSize;
        foreach (string name in new[] { "gleak", "vleak", "cm" }) list.Add(new("rnn_cell." + name, [u], true));
        foreach (string name in new[] { "sigma", "mu", "w", "erev" }) list.Add(new("rnn_cell." + name, [u, u], true));
        foreach (string name in new[] { "sensory_sigma", "sensory_mu", "sensory_w", "sensory_erev" }) list.Add(new("rnn_cell." + name, [n, u], true));
        list.Add(new("rnn_cell.sparsity_mask", [u, u], false));
        list.Add(new("rnn_cell.sensory_sparsity_mask", [n, u], false));
        if (ltc.InputMapping != LtcMapping.None) list.Add(new("rnn_cell.input_w", [n], true));
        if (ltc.InputMapping == LtcMapping.Affine) list.Add(new("rnn_cell.input_b", [n], true));
        if (ltc.OutputMapping != LtcMapping.None) list.Add(new("rnn_cell.output_w", [ltc.Wiring.OutputDim], true));
        if (ltc.OutputMapping == LtcMapping.Affine) list.Add(new("rnn_cell.output_b", [ltc.Wiring.OutputDim], true));
    }

    /// <summary>
    /// The 0/1 values the wiring implies for a sparsity-mask parameter (<c>rnn_cell.sparsity_mask</c>,
    /// <c>rnn_cell.sensory_sparsity_mask</c>, <c>rnn_cell.layer_K.sparsity_mask</c>), row-major, or null for other names.
    /// </summary>
    public static float[]? ImpliedMask(LiquidModelSpec spec, string name)
    {
        if (spec is LtcSpec ltc)
        {
            var w = ltc.Wiring;
            return name switch
            {
                "rnn_cell.sparsity_mask" => Abs(w.Units, w.Units, w.Synapse),
                "rnn_cell.sensory_sparsity_mask" => Abs(w.InputDim, w.Units, w.SensorySynapse),
                _ => null,
            };
        }

        if (spec is not WiredCfcSpec wired || !name.StartsWith("rnn_cell.layer_", StringComparison.Ordinal) || !name.EndsWith(".sparsity_mask", StringComparison.Ordinal))
        {
            return null;
        }

        // ncps: mask[j, i] = |synapse from the layer's i-th input to its j-th neuron|; the recurrent columns are all ones.
        var wiring = wired.Wiring;
        int k = int.Parse(name.AsSpan("rnn_cell.layer_".Length, name.IndexOf('.', "rnn_cell.layer_".Length) - "rnn_cell.layer_".Length), provider: System.Globalization.CultureInfo.InvariantCulture);
        var dest = wiring.Layers[k].NeuronIds;
        int inputs = k == 0 ? wiring.InputDim : wiring.Layers[k - 1].NeuronIds.Count;
        var mask = new float[dest.Count * (inputs + dest.Count)];
        for (int j = 0; j < dest.Count; j++)
        {
            for (int i = 0; i < inputs; i++)
            {
                sbyte polarity = k == 0 ? wiring.SensorySynapse(i, dest[j]) : wiring.Synapse(wiring.Layers[k - 1].NeuronIds[i], dest[j]);
                mask[(j * (inputs + dest.Count)) + i] = Math.Abs(polarity);
            }

            mask.AsSpan((j * (inputs + dest.Count)) + inputs, dest.Count).Fill(1f);
        }

        return mask;
    }

    private static int FirstDifference(float[] expected, float[] actual)
    {
        for (int i = 0; i < expected.Length; i++)
        {
            if (expected[i] != actual[i])
            {
                return i;
            }
        }

        return -1;
    }

    private static float[] Abs(int rows, int columns, Func<int, int, sbyte> polarity)
    {
        var mask = new float[rows * columns];
        for (int r = 0; r < rows; r++)
        for (int c = 0; c < columns; c++)
        {
            mask[(r * columns) + c] = Math.Abs(polarity(r, c));
        }

        return mask;
    }
}
