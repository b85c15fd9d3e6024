using DroneLiquid.Liquid.Models;

namespace DroneLiquid.Liquid.Tests.Fakes;

/// <summary>Stands in for the policy-folder reader: claims directories and serves a fixed random-weight model.</summary>
internal sealed class FakeModelSourceReader(LiquidModelSpec spec) : IModelSourceReader
{
    public string Format => "fake policy folder";

    public bool CanRead(string path) => Directory.Exists(path);

    public ModelSource Read(string path) => new(path, Format, spec, RandomWeights.Create(spec, 1), null);
}
