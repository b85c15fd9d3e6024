using Google.Protobuf;
using Onnx;

namespace DroneLiquid.Perception.Export;

/// <summary>
/// Builds an ONNX graph (opset 13) node by node over the ONNX protobuf classes of OnnxSharp: float
/// initializers, typed inputs and outputs, and a fresh name for every intermediate value. Each helper
/// returns the name of the value it produced so expressions read like the maths they export.
/// </summary>
internal sealed class OnnxGraphBuilder
{
    public const int Opset = 13;

    /// <summary>ONNX IR version 7 is the one that goes with opset 13.</summary>
    public const long IrVersion = 7;

    private readonly GraphProto _graph;
    private int _next;

    public OnnxGraphBuilder(string graphName) => _graph = new GraphProto { Name = graphName };

    /// <summary>A float initializer; returns its name.</summary>
    public string Constant(string hint, ReadOnlySpan<float> data, params long[] dims)
    {
        long count = dims.Aggregate(1L, (a, b) => a * b);
        if (count != data.Length)
        {
            throw new ArgumentException($"constant {hint}: {data.Length} values for shape [{string.Join(", ", dims)}]", nameof(data));
        }

        var tensor = new TensorProto { Name = Fresh(hint), DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(dims);
        tensor.FloatData.AddRange(data.ToArray());
        _graph.Initializer.Add(tensor);
        return tensor.Name;
    }

    /// <summary>A scalar float constant, shape [1] (broadcasts against anything).</summary>
    public string Scalar(string hint, float value) => Constant(hint, [value], 1);

    /// <summary>An int64 initializer (Slice bounds, ReduceSum axes, Reshape shapes).</summary>
    public string Int64s(string hint, params long[] values)
    {
        var tensor = new TensorProto { Name = Fresh(hint), DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Dims.Add(values.Length);
        tensor.Int64Data.AddRange(values);
        _graph.Initializer.Add(tensor);
        return tensor.Name;
    }

    public void Input(string name, params long[] dims) => _graph.Input.Add(FloatValue(name, dims));

    public void Output(string name, params long[] dims) => _graph.Output.Add(FloatValue(name, dims));

    /// <summary>Adds a node with one output and returns that output's name.</summary>
    public string Node(string op, string[] inputs, params AttributeProto[] attributes)
    {
        string output = Fresh(op.ToLowerInvariant());
        NodeTo(op, inputs, [output], attributes);
        return output;
    }

    /// <summary>Adds a node writing to named outputs (graph outputs such as y and h_next).</summary>
    public void NodeTo(string op, string[] inputs, string[] outputs, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = op, Name = $"{op}_{_next++}" };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        node.Attribute.AddRange(attributes);
        _graph.Node.Add(node);
    }

    /// <summary>torch Linear: a W^T + b with W [rows, cols] row-major (Gemm, transB = 1).</summary>
    public string Linear(string a, string hint, ReadOnlySpan<float> w, int rows, int cols, ReadOnlySpan<float> b) =>
        Node("Gemm", [a, Constant(hint + "_w", w, rows, cols), Constant(hint + "_b", b, rows)], IntAttribute("transB", 1));

    public string Add(string a, string b) => Node("Add", [a, b]);

    public string Sub(string a, string b) => Node("Sub", [a, b]);

    public string Mul(string a, string b) => Node("Mul", [a, b]);

    public string Div(string a, string b) => Node("Div", [a, b]);

    public string Unary(string op, string a) => Node(op, [a]);

    public string Concat(int axis, params string[] parts) => Node("Concat", parts, IntAttribute("axis", axis));

    /// <summary>Columns [start, end) of a [1, n] row.</summary>
    public string Columns(string a, int start, int end) => Node("Slice", [a, Int64s("starts", start), Int64s("ends", end), Int64s("axes", 1)]);

    public static AttributeProto IntAttribute(string name, long value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto IntsAttribute(string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    /// <summary>The finished model, serialized.</summary>
    public byte[] ToBytes(string producer, string docString)
    {
        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = producer,
            ProducerVersion = typeof(OnnxGraphBuilder).Assembly.GetName().Version?.ToString() ?? "0",
            DocString = docString,
            Graph = _graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = Opset });
        return model.ToByteArray();
    }

    private static ValueInfoProto FloatValue(string name, long[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (long d in dims)
        {
            shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = d });
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }

    private string Fresh(string hint) => $"{hint}_{_next++}";
}
