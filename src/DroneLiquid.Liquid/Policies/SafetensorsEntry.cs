using System.Text.Json;
using DroneLiquid.Liquid.Tensors;

namespace DroneLiquid.Liquid.Policies;

/// <summary>One tensor's header entry, checked on its own (dtype known, shape and offsets well formed, sizes agree).</summary>
internal sealed record SafetensorsEntry(string Name, string Dtype, int[] Shape, long Begin, long End)
{
    public static SafetensorsEntry Read(string name, JsonElement element, string source)
    {
        string where = $"tensor '{name}'";
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Safetensors.Bad(source, $"{where}: header entry must be an object with dtype, shape and data_offsets, got {element.ValueKind}");
        }

        if (!element.TryGetProperty("dtype", out var dtypeElement) || dtypeElement.ValueKind != JsonValueKind.String)
        {
            throw Safetensors.Bad(source, $"{where}: 'dtype' is missing or not a string");
        }

        string dtype = dtypeElement.GetString()!;
        int? elementSize = SafetensorsDtype.ElementSize(dtype, out string? dtypeProblem);
        if (elementSize is null)
        {
            throw Safetensors.Bad(source, $"{where}: {dtypeProblem}");
        }

        int[] shape = ReadIntegers(element, "shape", where, source).Select(d => d <= int.MaxValue ? (int)d : throw Safetensors.Bad(source, $"{where}: dimension {d} is too large")).ToArray();
        long[] offsets = ReadIntegers(element, "data_offsets", where, source);
        if (offsets.Length != 2 || offsets[0] > offsets[1])
        {
            throw Safetensors.Bad(source, $"{where}: 'data_offsets' must be [begin, end] with begin <= end, got [{string.Join(", ", offsets)}]");
        }

        long count = 1, needed;
        try
        {
            foreach (int dim in shape)
            {
                count = checked(count * dim);
            }

            needed = checked(count * elementSize.Value);
        }
        catch (OverflowException)
        {
            throw Safetensors.Bad(source, $"{where}: shape {NamedTensor.FormatShape(shape)} is too large");
        }

        long have = offsets[1] - offsets[0];
        if (have != needed)
        {
            throw Safetensors.Bad(source, $"{where}: data_offsets [{offsets[0]}, {offsets[1]}) hold {have} bytes, but {dtype} {NamedTensor.FormatShape(shape)} needs {count} x {elementSize} = {needed}");
        }

        return new SafetensorsEntry(name, dtype, shape, offsets[0], offsets[1]);
    }

    public NamedTensor Load(ReadOnlySpan<byte> buffer, string source)
    {
        var data = new float[(End - Begin) / SafetensorsDtype.ElementSize(Dtype, out _)!.Value];
        var bytes = buffer[(int)Begin..(int)End];
        SafetensorsDtype.ToSingle(Dtype, bytes, data);
        if (Dtype == "F64")
        {
            for (int i = 0; i < data.Length; i++)
            {
                if (float.IsInfinity(data[i]) && double.IsFinite(BitConverter.ToDouble(bytes.Slice(i * 8, 8))))
                {
                    throw Safetensors.Bad(source, $"tensor '{Name}': F64 value {BitConverter.ToDouble(bytes.Slice(i * 8, 8))} at index {i} does not fit in float32");
                }
            }
        }

        return new NamedTensor(Name, Shape, data);
    }

    private static long[] ReadIntegers(JsonElement entry, string key, string where, string source)
    {
        if (!entry.TryGetProperty(key, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            throw Safetensors.Bad(source, $"{where}: '{key}' is missing or not an array");
        }

        var values = new long[array.GetArrayLength()];
        int i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out long value) || value < 0)
            {
                throw Safetensors.Bad(source, $"{where}: '{key}' must hold non-negative integers, got {item.GetRawText()}");
            }

            values[i++] = value;
        }

        return values;
    }
}
