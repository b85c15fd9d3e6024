using System.Text.Json;
using DroneLiquid.Liquid.Wirings;

namespace DroneLiquid.Liquid.Policies;

/// <summary>
/// A <see cref="Wiring"/> as JSON, in the shape of ncps's wiring config and of the reference vectors'
/// <c>config.wiring</c>: type, units, input_dim, output_dim, adjacency_matrix [src][dest],
/// sensory_adjacency_matrix [input][dest] (values -1/0/+1), layers (run order, name and neuron ids),
/// neuron_types. On read, the layers may instead be given as NCP id lists (inter_neurons,
/// command_neurons, motor_neurons, as ncps's <c>NCP.get_config()</c> writes them) or left out for a
/// single-layer wiring.
/// </summary>
internal static class WiringJson
{
    private static readonly string[] Keys =
    [
        "type", "units", "input_dim", "output_dim", "num_layers", "adjacency_matrix", "sensory_adjacency_matrix", "layers", "neuron_types",
        "inter_neurons", "command_neurons", "motor_neurons", "synapse_count", "sensory_synapse_count", "constructor_args", "ncp",
        "state_layout", "output_state_indices", "state_layout_note", "erev_init_seed", "self_connections", "sparsity_level", "random_seed", "seed",
    ];

    private static readonly string[] NcpLayerKeys = ["inter_neurons", "command_neurons", "motor_neurons"];

    public static void Write(Utf8JsonWriter writer, Wiring wiring)
    {
        writer.WriteStartObject();
        writer.WriteString("type", wiring.Type);
        writer.WriteNumber("units", wiring.Units);
        writer.WriteNumber("input_dim", wiring.InputDim);
        writer.WriteNumber("output_dim", wiring.OutputDim);
        writer.WriteNumber("synapse_count", wiring.SynapseCount);
        writer.WriteNumber("sensory_synapse_count", wiring.SensorySynapseCount);
        WriteMatrix(writer, "adjacency_matrix", wiring.AdjacencyMatrix());
        WriteMatrix(writer, "sensory_adjacency_matrix", wiring.SensoryAdjacencyMatrix());
        writer.WriteStartArray("layers");
        for (int i = 0; i < wiring.Layers.Count; i++)
        {
            writer.WriteStartObject();
            writer.WriteNumber("index", i);
            writer.WriteString("name", wiring.Layers[i].Name);
            writer.WritePropertyName("neurons");
            writer.WriteRawValue("[" + string.Join(", ", wiring.Layers[i].NeuronIds) + "]");
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (wiring.NeuronTypes is { } types)
        {
            writer.WritePropertyName("neuron_types");
            writer.WriteRawValue("[" + string.Join(", ", types.Select(t => JsonSerializer.Serialize(t))) + "]");
        }

        writer.WriteEndObject();
    }

    /// <summary>Reads a wiring, checking it against the model's input size; null (with problems recorded) when unusable.</summary>
    public static Wiring? Read(JsonCursor cursor, int? inputSize)
    {
        int problemsBefore = cursor.Problems.Count;
        cursor.RejectUnknownKeys("wiring", Keys);
        string? type = cursor.String("type");
        sbyte[,]? adjacency = ReadMatrix(cursor, "adjacency_matrix", rows: null, columns: null);
        int? units = adjacency?.GetLength(0);
        int? declaredUnits = cursor.Int("units", 1, required: false);
        if (units is not null && declaredUnits is not null && declaredUnits != units)
        {
            cursor.Problem("units", $"{declaredUnits} does not match adjacency_matrix, which is {units} x {units}");
        }

        sbyte[,]? sensory = ReadMatrix(cursor, "sensory_adjacency_matrix", rows: null, columns: units);
        int? inputDim = sensory?.GetLength(0);
        if (cursor.Int("input_dim", 1, required: false) is { } declaredInputs && inputDim is not null && declaredInputs != inputDim)
        {
            cursor.Problem("input_dim", $"{declaredInputs} does not match sensory_adjacency_matrix, which has {inputDim} rows");
        }

        if (inputSize is not null && inputDim is not null && inputSize != inputDim)
        {
            cursor.Problem("sensory_adjacency_matrix", $"has {inputDim} rows (inputs), but the model's input_size is {inputSize}");
        }

        int? outputDim = cursor.Int("output_dim", 1, units ?? int.MaxValue);
        var layers = ReadLayers(cursor, units);
        var neuronTypes = cursor.Has("neuron_types") ? ReadStrings(cursor, "neuron_types") : DefaultNeuronTypes(layers, units, outputDim);

        if (type is null || adjacency is null || sensory is null || outputDim is null || layers is null || cursor.Problems.Count > problemsBefore)
        {
            return null;
        }

        try
        {
            return new Wiring(type, adjacency, sensory, outputDim.Value, layers, neuronTypes);
        }
        catch (ArgumentException ex)
        {
            cursor.Problems.Add(cursor.Path, ex.Message.Split(" (Parameter")[0]);
            return null;
        }
    }

    private static IReadOnlyList<WiringLayer>? ReadLayers(JsonCursor cursor, int? units)
    {
        int maxId = (units ?? int.MaxValue) - 1;
        if (cursor.Has("layers"))
        {
            if (cursor.Array("layers") is not { } items)
            {
                return null;
            }

            if (items.Count == 0)
            {
                cursor.Problem("layers", "is empty; a wiring has at least one layer");
                return null;
            }

            var layers = new List<WiringLayer>();
            string[] defaultNames = items.Count == 3 ? ["inter", "command", "motor"] : items.Count == 1 ? ["all"] : [];
            for (int i = 0; i < items.Count; i++)
            {
                items[i].RejectUnknownKeys("layer", "index", "name", "neurons");
                string? name = items[i].String("name", required: defaultNames.Length == 0) ?? (defaultNames.Length > 0 ? defaultNames[i] : null);
                int[]? ids = items[i].IntArray("neurons", 0, maxId);
                if (name is not null && ids is not null)
                {
                    layers.Add(new WiringLayer(name, ids));
                }
            }

            return layers.Count == items.Count ? layers : null;
        }

        if (NcpLayerKeys.Any(cursor.Has))
        {
            int[]? inter = cursor.IntArray("inter_neurons", 0, maxId);
            int[]? command = cursor.IntArray("command_neurons", 0, maxId);
            int[]? motor = cursor.IntArray("motor_neurons", 0, maxId);
            return inter is null || command is null || motor is null
                ? null
                : [new WiringLayer("inter", inter), new WiringLayer("command", command), new WiringLayer("motor", motor)];
        }

        return units is null ? null : [new WiringLayer("all", Enumerable.Range(0, units.Value).ToArray())];
    }

    /// <summary>ncps's rule when none are given: the NCP layer names, or "motor" below output_dim and "inter" above.</summary>
    private static string[]? DefaultNeuronTypes(IReadOnlyList<WiringLayer>? layers, int? units, int? outputDim)
    {
        if (layers is null || units is null || outputDim is null)
        {
            return null;
        }

        var types = new string[units.Value];
        bool ncp = layers.Select(l => l.Name).SequenceEqual(["inter", "command", "motor"]);
        foreach (var layer in layers)
        foreach (int id in layer.NeuronIds.Where(id => id < types.Length))
        {
            types[id] = ncp ? layer.Name : id < outputDim ? "motor" : "inter";
        }

        return types.Any(t => t is null) ? null : types;
    }

    private static string[]? ReadStrings(JsonCursor cursor, string key)
    {
        if (cursor.Array(key) is not { } items)
        {
            return null;
        }

        var values = items.Select(i => i.Element.ValueKind == JsonValueKind.String ? i.Element.GetString() : null).ToArray();
        int bad = Array.FindIndex(values, v => string.IsNullOrEmpty(v));
        if (bad >= 0)
        {
            cursor.Problems.Add(items[bad].Path, $"{JsonCursor.Show(items[bad].Element)} is not a neuron type name (motor, command, inter)");
            return null;
        }

        return values!;
    }

    private static sbyte[,]? ReadMatrix(JsonCursor cursor, string key, int? rows, int? columns)
    {
        if (cursor.Array(key) is not { } rowItems)
        {
            return null;
        }

        int rowCount = rowItems.Count;
        int? columnCount = columns ?? (key == "adjacency_matrix" ? rowCount : null);
        if (rowCount == 0)
        {
            cursor.Problem(key, "is empty; expected a matrix of -1, 0, +1");
            return null;
        }

        int firstRowLength = rowItems[0].Element.ValueKind == JsonValueKind.Array ? rowItems[0].Element.GetArrayLength() : -1;
        int width = columnCount ?? firstRowLength;
        string shape = key == "adjacency_matrix" ? $"square, {rowCount} x {rowCount} (units x units)" : $"{rowCount} x {width} (inputs x units)";
        var matrix = new sbyte[rowCount, Math.Max(width, 0)];
        bool ok = true;
        for (int r = 0; r < rowCount; r++)
        {
            var row = rowItems[r].Element;
            if (row.ValueKind != JsonValueKind.Array || row.GetArrayLength() != width)
            {
                string found = row.ValueKind == JsonValueKind.Array ? $"{row.GetArrayLength()} entries" : JsonCursor.Show(row);
                cursor.Problems.Add($"{cursor.PathOf(key)}[{r}]", $"row has {found}; the matrix must be {shape}");
                return null;
            }

            int c = 0;
            foreach (var cell in row.EnumerateArray())
            {
                if (cell.ValueKind == JsonValueKind.Number && cell.TryGetInt32(out int v) && v is >= -1 and <= 1)
                {
                    matrix[r, c] = (sbyte)v;
                }
                else
                {
                    cursor.Problems.Add($"{cursor.PathOf(key)}[{r}][{c}]", $"{JsonCursor.Show(cell)} is not a synapse polarity; allowed: -1, 0, 1");
                    ok = false;
                }

                c++;
            }
        }

        return ok && (rows is null || rows == rowCount) ? matrix : null;
    }

    private static void WriteMatrix(Utf8JsonWriter writer, string key, sbyte[,] matrix)
    {
        // One row a line: the raw values carry their own line break and indentation.
        writer.WriteStartArray(key);
        string indent = "\n" + new string(' ', 2 * writer.CurrentDepth);
        for (int r = 0; r < matrix.GetLength(0); r++)
        {
            var row = new string[matrix.GetLength(1)];
            for (int c = 0; c < row.Length; c++) row[c] = matrix[r, c].ToString(System.Globalization.CultureInfo.InvariantCulture);
            writer.WriteRawValue(indent + "[" + string.Join(", ", row) + "]");
        }

        writer.WriteEndArray();
    }
}
