using Microsoft.ML.OnnxRuntime.Tensors;

namespace DroneLiquid.Perception.Onnx;

/// <summary>An input or output the caller expects of an ONNX graph: its name, shape and element type.</summary>
/// <param name="Shape">Fixed dimensions; the graph may declare any of them symbolic (-1), which matches.</param>
public sealed record OnnxTensorSpec(string Name, int[] Shape, TensorElementType ElementType = TensorElementType.Float)
{
    /// <summary>Number of elements.</summary>
    public int Length => Shape.Aggregate(1, (a, b) => a * b);

    public static string FormatShape(IEnumerable<int> shape) => "[" + string.Join(", ", shape.Select(d => d < 0 ? "?" : d.ToString(System.Globalization.CultureInfo.InvariantCulture))) + "]";

    public override string ToString() => $"{Name} {FormatShape(Shape)} {ElementType.ToString().ToLowerInvariant()}";
}
