using Microsoft.ML.OnnxRuntime;
using DroneLiquid.Perception.Onnx;

namespace DroneLiquid.Perception.Vision;

/// <summary>Reads a perception graph's own signature, so a policy folder needs no separate record of its image size.</summary>
public static class PerceptionGraph
{
    /// <summary>
    /// The <see cref="PerceptionSpec"/> of a graph with one input [1, C, H, W] and one output [1, F], both float.
    /// </summary>
    /// <exception cref="OnnxModelException">The file is missing, not ONNX, or has another signature.</exception>
    public static PerceptionSpec ReadSpec(string path)
    {
        if (!File.Exists(path))
        {
            throw new OnnxModelException(path, "file not found");
        }

        InferenceSession session;
        try
        {
            session = new InferenceSession(path);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new OnnxModelException(path, $"not a loadable ONNX model: {ex.Message}", ex);
        }

        using (session)
        {
            if (session.InputMetadata.Count != 1 || session.OutputMetadata.Count != 1)
            {
                throw new OnnxModelException(path, $"a perception graph has one input and one output; this one has {session.InputMetadata.Count} and {session.OutputMetadata.Count}");
            }

            var (inputName, input) = session.InputMetadata.First();
            var (outputName, output) = session.OutputMetadata.First();
            int[] image = input.Dimensions;
            int[] features = output.Dimensions;
            if (!input.IsTensor || input.ElementDataType != Microsoft.ML.OnnxRuntime.Tensors.TensorElementType.Float || image.Length != 4 || image[0] != 1 || image.Skip(1).Any(d => d <= 0))
            {
                throw new OnnxModelException(path, $"input '{inputName}' is {OnnxTensorSpec.FormatShape(image)}; a perception graph takes float [1, C, H, W]");
            }

            if (!output.IsTensor || output.ElementDataType != Microsoft.ML.OnnxRuntime.Tensors.TensorElementType.Float || features.Length != 2 || features[0] != 1 || features[1] <= 0)
            {
                throw new OnnxModelException(path, $"output '{outputName}' is {OnnxTensorSpec.FormatShape(features)}; a perception graph gives float [1, F]");
            }

            return new PerceptionSpec(image[1], image[2], image[3], features[1], inputName, outputName);
        }
    }
}
