namespace DroneLiquid.Sensors.Conversion;

/// <summary>
/// The policy's image observation: crop, output size, resize mode and per-channel normalisation. The tensor is
/// float32, CHW, channels R, G, B, each value <c>(v / 255 - Mean[c]) / Std[c]</c> with v the 8-bit RGB value.
/// </summary>
public sealed class FrameTensorSpec
{
    /// <summary>Tensor width, pixels.</summary>
    public int OutputWidth { get; init; } = 128;

    /// <summary>Tensor height, pixels.</summary>
    public int OutputHeight { get; init; } = 96;

    /// <summary>Region of the source used; null takes the whole frame.</summary>
    public CropRectangle? Crop { get; init; }

    /// <summary>Resampling from the crop to the output size.</summary>
    public ResizeMode Resize { get; init; } = ResizeMode.Area;

    /// <summary>Per-channel mean (R, G, B) on the 0..1 scale; default 0.</summary>
    public float[] Mean { get; init; } = [0f, 0f, 0f];

    /// <summary>Per-channel standard deviation (R, G, B) on the 0..1 scale; default 1.</summary>
    public float[] Std { get; init; } = [1f, 1f, 1f];

    /// <summary>Floats in the tensor: 3 × height × width.</summary>
    public int TensorLength => 3 * OutputWidth * OutputHeight;
}
