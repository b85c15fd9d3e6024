using DroneLiquid.Perception.Vision;
using DroneLiquid.Training.Modules;
using Google.Protobuf;
using Onnx;
using static TorchSharp.torch;

namespace DroneLiquid.Training.Export;

/// <summary>
/// Writes a trained <see cref="TorchConvTrunk"/> as perception.onnx (opset 13, the layout of the runtime's
/// ConvTrunk graph: Conv+Relu x5, Flatten, Gemm, Tanh; input <c>image</c> [1, 3, H, W], output
/// <c>features</c> [1, F], with nearness bands F + B) over the ONNX protobuf classes of OnnxSharp, the machinery the Perception
/// exporters use (their graph builder is internal to that assembly).
/// </summary>
public static class TrunkOnnxWriter
{
    public static PerceptionSpec SpecOf(TorchConvTrunk trunk, NearnessBands? bands = null) => ConvTrunk.SpecFor(trunk.Width, trunk.Height, bands?.Outputs ?? trunk.Features);

    /// <param name="bands">When set, the graph ends in Gemm + Concat: the features, then the nearness bands.</param>
    public static byte[] Write(TorchConvTrunk trunk, string docString, NearnessBands? bands = null)
    {
        var spec = SpecOf(trunk, bands);
        var graph = new GraphProto { Name = "conv_trunk" };
        graph.Input.Add(FloatValue(spec.InputName, 1, 3, trunk.Height, trunk.Width));
        string value = spec.InputName;
        int next = 0;
        for (int i = 0; i < trunk.Convolutions.Count; i++)
        {
            var conv = trunk.Convolutions[i];
            var (_, kernel, stride) = TorchConvTrunk.Layers[i];
            int pad = kernel / 2;
            string w = Initializer(graph, $"conv{i}_w", conv.weight!);
            string b = Initializer(graph, $"conv{i}_b", conv.bias!);
            string convOut = $"conv{i}";
            graph.Node.Add(Node("Conv", [value, w, b], convOut, next++,
                Ints("kernel_shape", kernel, kernel), Ints("strides", stride, stride), Ints("pads", pad, pad, pad, pad)));
            value = $"relu{i}";
            graph.Node.Add(Node("Relu", [convOut], value, next++));
        }

        graph.Node.Add(Node("Flatten", [value], "flat", next++, new AttributeProto { Name = "axis", Type = AttributeProto.Types.AttributeType.Int, I = 1 }));
        string dw = Initializer(graph, "dense_w", trunk.Dense.weight!);
        string db = Initializer(graph, "dense_b", trunk.Dense.bias!);
        graph.Node.Add(Node("Gemm", ["flat", dw, db], "dense", next++, new AttributeProto { Name = "transB", Type = AttributeProto.Types.AttributeType.Int, I = 1 }));
        string features = bands is null ? spec.OutputName : "trunk_features";
        graph.Node.Add(Node("Tanh", ["dense"], features, next++));
        if (bands is not null)
        {
            string bw = Initializer(graph, "bands_w", bands.Weight);
            string bb = Initializer(graph, "bands_b", bands.Bias);
            graph.Node.Add(Node("Gemm", [features, bw, bb], "bands", next++, new AttributeProto { Name = "transB", Type = AttributeProto.Types.AttributeType.Int, I = 1 }));
            graph.Node.Add(Node("Concat", [features, "bands"], spec.OutputName, next++, new AttributeProto { Name = "axis", Type = AttributeProto.Types.AttributeType.Int, I = 1 }));
        }

        graph.Output.Add(FloatValue(spec.OutputName, 1, spec.FeatureCount));
        var model = new ModelProto
        {
            IrVersion = 7,
            ProducerName = "droneliquid-train",
            ProducerVersion = typeof(TrunkOnnxWriter).Assembly.GetName().Version?.ToString() ?? "0",
            DocString = docString,
            Graph = graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = 13 });
        return model.ToByteArray();
    }

    private static string Initializer(GraphProto graph, string name, Tensor tensor)
    {
        using var cpu = tensor.detach().cpu().contiguous();
        var proto = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        proto.Dims.AddRange(cpu.shape);
        proto.FloatData.AddRange(cpu.data<float>().ToArray());
        graph.Initializer.Add(proto);
        return name;
    }

    private static NodeProto Node(string op, string[] inputs, string output, int index, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = op, Name = $"{op}_{index}" };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        node.Attribute.AddRange(attributes);
        return node;
    }

    private static AttributeProto Ints(string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    private static ValueInfoProto FloatValue(string name, params long[] dims)
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
}
