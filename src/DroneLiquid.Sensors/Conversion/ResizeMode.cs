namespace DroneLiquid.Sensors.Conversion;

/// <summary>How the crop is resampled to the tensor's size.</summary>
public enum ResizeMode
{
    /// <summary>Area averaging (each output pixel is the mean of the source area it covers); right for downscaling.</summary>
    Area,

    /// <summary>Bilinear interpolation at pixel centres (half-pixel aligned, edges clamped).</summary>
    Bilinear,
}
