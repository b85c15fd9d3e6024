namespace DroneLiquid.Training.Config;

/// <summary>The camera image the trunk sees (the data set's frames, RGB) and the feature width it gives the head.</summary>
/// <param name="Pretrain">
/// When set, the trunk is trained first on single frames (see <see cref="TrunkPretrainConfig"/>), then frozen,
/// and the head is trained by BPTT on its cached features; when null, trunk and head are trained together.
/// </param>
public sealed record VisionConfig(int Width, int Height, int Features, TrunkPretrainConfig? Pretrain = null)
{
    public IEnumerable<string> Validate()
    {
        if (Width < 16 || Height < 16) yield return $"width/height: are {Width}x{Height}, expected at least 16x16";
        if (Features < 1) yield return $"features: is {Features}, expected >= 1";
        if (Pretrain is not null)
        {
            foreach (var p in Pretrain.Validate()) yield return "pretrain." + p;
        }
    }
}
