using DroneLiquid.Liquid.Models;
using DroneLiquid.Liquid.Policies;
using DroneLiquid.Liquid.Reference;
using DroneLiquid.Liquid.Tests.Fakes;
using DroneLiquid.Liquid.Tests.Policies;
using DroneLiquid.Liquid.Tests.Reference;

namespace DroneLiquid.Liquid.Tests.Models;

public class ModelSourceTests
{
    [Fact]
    public void AReferenceFileLoadsWithItsRecordedVectors()
    {
        var source = ModelSource.Load(ReferenceFiles.PathOf("ltc_autoncp19.json"));
        Assert.Equal(new ReferenceCaseReader().Format, source.Format);
        Assert.NotNull(source.Reference);
        Assert.Equal(4, source.CreateModel().OutputSize);
    }

    [Fact]
    public void APathNoReaderRecognisesIsNamedWithTheKnownFormats()
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "weights.bin");
        File.WriteAllBytes(path, [1, 2, 3]);
        var error = Assert.Throws<InvalidDataException>(() => ModelSource.Load(path));
        Assert.Equal($"'{path}' is not a model this build can read (known: ncps reference JSON (*.json), policy folder)", error.Message);
    }

    [Fact]
    public void APolicyFolderLoadsThroughTheDefaultReaders()
    {
        using var folder = new TempFolder();
        NcpsImporter.Import(
            TestFiles.Fixture("wiredcfc_autoncp19.safetensors"), TestFiles.Fixture("wiredcfc_autoncp19.config.json"), folder.Path, null, "tests", TimeProvider.System);
        var source = ModelSource.Load(folder.Path);
        Assert.Equal("policy folder", source.Format);
        Assert.Null(source.Reference);
        var reference = ModelSource.Load(ReferenceFiles.PathOf("wiredcfc_autoncp19.json"));
        Assert.Equal(reference.Weights.ValueCount, source.Weights.ValueCount);
        Assert.Equal(4, source.CreateModel().OutputSize);
    }

    [Fact]
    public void ADirectoryWithoutPolicyJsonIsNamedByThePolicyReader()
    {
        using var folder = new TempFolder();
        var error = Assert.Throws<InvalidDataException>(() => ModelSource.Load(folder.Path));
        Assert.Contains("policy.json: missing", error.Message);
    }

    [Fact]
    public void AMissingPathIsAFileNotFoundError()
    {
        var error = Assert.Throws<FileNotFoundException>(() => ModelSource.Load("/no/such/policy"));
        Assert.Equal("model source '/no/such/policy' does not exist", error.Message);
    }

    [Fact]
    public void FurtherReadersPlugInBesideTheReferenceReader()
    {
        IModelSourceReader[] readers = [new ReferenceCaseReader(), new FakeModelSourceReader(TestSpecs.All["wired-default"])];
        var folder = ModelSource.Load(AppContext.BaseDirectory, readers);
        Assert.Equal("fake policy folder", folder.Format);
        Assert.Null(folder.Reference);
        var file = ModelSource.Load(ReferenceFiles.PathOf("cfc_pure.json"), readers);
        Assert.NotNull(file.Reference);
    }
}
