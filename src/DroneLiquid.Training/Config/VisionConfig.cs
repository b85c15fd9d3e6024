namespace DroneLiquid.Training.Config;

/// <summary>The camera image the trunk sees (the data set's frames, RGB) and the feature width it gives the head.</summary>
public sealed record VisionConfig(int Width, int Height, int Features)
{
    public IEnumerable<string> Validate()
    {
        if (Width < 16 || Height < 16) yield return $"width/height: are {Width}x{Height}, expected at least 16x16";
        if (Features < 1) yield return $"features: is {Features}, expected >= 1";
    }
}
