namespace DroneLiquid.Evaluation.Datasets;

/// <summary>
/// One episode read into arrays, row-major: <see cref="Features"/> is [Samples, FeatureCount], <see cref="Actions"/>
/// [Samples, 4], <see cref="Images"/> [Samples, Height, Width, 3] RGB24 bytes (empty without images).
/// </summary>
public sealed class EpisodeData
{
    public EpisodeData(int samples, int featureCount, int actionCount, int imageBytes)
    {
        Samples = samples;
        FeatureCount = featureCount;
        ActionCount = actionCount;
        ImageBytes = imageBytes;
        ElapsedSeconds = new float[samples];
        Features = new float[samples * featureCount];
        Actions = new float[samples * actionCount];
        Flags = new SampleFlags[samples];
        Images = new byte[samples * imageBytes];
    }

    public int Samples { get; }

    public int FeatureCount { get; }

    public int ActionCount { get; }

    /// <summary>Bytes of one image (0 without images).</summary>
    public int ImageBytes { get; }

    /// <summary>Seconds since the previous sample (the first: since the episode started).</summary>
    public float[] ElapsedSeconds { get; }

    public float[] Features { get; }

    public float[] Actions { get; }

    public SampleFlags[] Flags { get; }

    public byte[] Images { get; }

    /// <summary>The features of sample <paramref name="sample"/>.</summary>
    public ReadOnlySpan<float> FeaturesAt(int sample) => Features.AsSpan(sample * FeatureCount, FeatureCount);

    /// <summary>The expert action of sample <paramref name="sample"/>.</summary>
    public ReadOnlySpan<float> ActionAt(int sample) => Actions.AsSpan(sample * ActionCount, ActionCount);

    /// <summary>The RGB24 image of sample <paramref name="sample"/> (empty without images).</summary>
    public ReadOnlySpan<byte> ImageAt(int sample) => Images.AsSpan(sample * ImageBytes, ImageBytes);
}
