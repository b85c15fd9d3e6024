using DroneLiquid.Perception.Onnx;

namespace DroneLiquid.Perception.Vision;

/// <summary>
/// What a perception network takes and gives: an image tensor [1, Channels, Height, Width] float NCHW (the
/// layout the sensors' frame-to-tensor conversion writes) and a feature vector [1, FeatureCount].
/// </summary>
public sealed record PerceptionSpec(int Channels, int Height, int Width, int FeatureCount, string InputName = "image", string OutputName = "features")
{
    public OnnxTensorSpec Input => new(InputName, [1, Channels, Height, Width]);

    public OnnxTensorSpec Output => new(OutputName, [1, FeatureCount]);

    /// <summary>Floats in one image.</summary>
    public int ImageLength => Channels * Height * Width;
}
