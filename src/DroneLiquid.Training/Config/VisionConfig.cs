using System.Text.Json.Serialization;
using DroneLiquid.Training.Data;

namespace DroneLiquid.Training.Config;

/// <summary>The camera image the trunk sees (the data set's frames, RGB) and the feature width it gives the head.</summary>
/// <param name="Pretrain">
/// When set, the trunk is trained first on single frames (see <see cref="TrunkPretrainConfig"/>), then frozen,
/// and the head is trained by BPTT on its cached features; when null, trunk and head are trained together.
/// </param>
/// <param name="NearnessBands">
/// When set, the head also sees where stage one's nearness readout says things are near: its mean over each of this
/// many vertical bands of the view (a divisor of the grid's 16 columns), appended to the features, exported in
/// perception.onnx and free of <c>training.feature_noise</c> (see <see cref="Modules.NearnessBands"/>). Needs
/// <c>pretrain.nearness_weight</c> &gt; 0. The trunk stage ignores it, so heads with and without bands share one trunk.
/// </param>
public sealed record VisionConfig(
    int Width,
    int Height,
    int Features,
    TrunkPretrainConfig? Pretrain = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? NearnessBands = null)
{
    public IEnumerable<string> Validate()
    {
        if (Width < 16 || Height < 16) yield return $"width/height: are {Width}x{Height}, expected at least 16x16";
        if (Features < 1) yield return $"features: is {Features}, expected >= 1";
        if (Pretrain is not null)
        {
            foreach (var p in Pretrain.Validate()) yield return "pretrain." + p;
        }

        if (NearnessBands is { } bands)
        {
            if (bands < 1 || NearnessTargets.Columns % bands != 0)
            {
                yield return $"nearness_bands: is {bands}, expected a divisor of the nearness grid's {NearnessTargets.Columns} columns (1, 2, 4, 8 or 16)";
            }

            if (!(Pretrain?.NearnessWeight > 0))
            {
                yield return "nearness_bands: needs pretrain.nearness_weight > 0 (the nearness readout the bands average)";
            }
        }
    }
}
