namespace DroneLiquid.Evaluation.Datasets;

/// <summary>The image each record carries: RGB24, row-major, top row first, Width x Height x 3 bytes.</summary>
public sealed record DatasetImage(int Width, int Height, string PixelFormat = "rgb24", float HorizontalFovRadians = 1.5708f);
