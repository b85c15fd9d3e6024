namespace DroneLiquid.Sensors.Conversion;

/// <summary>A region of the source frame, pixels, origin top-left.</summary>
/// <param name="X">Left column.</param>
/// <param name="Y">Top row.</param>
/// <param name="Width">Columns.</param>
/// <param name="Height">Rows.</param>
public readonly record struct CropRectangle(int X, int Y, int Width, int Height);
