using DroneLiquid.Liquid.Models;
using DroneLiquid.Liquid.Reference;
using DroneLiquid.Liquid.Tests.Fakes;
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
        var error = Assert.Throws<InvalidDataException>(() => ModelSource.Load(AppContext.BaseDirectory));
        Assert.Equal($"'{AppContext.BaseDirectory}' is not a model this build can read (known: ncps reference JSON (*.json))", error.Message);
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
        var readers = ModelSource.DefaultReaders.Append(new FakeModelSourceReader(TestSpecs.All["wired-default"])).ToArray();
        var folder = ModelSource.Load(AppContext.BaseDirectory, readers);
        Assert.Equal("fake policy folder", folder.Format);
        Assert.Null(folder.Reference);
        var file = ModelSource.Load(ReferenceFiles.PathOf("cfc_pure.json"), readers);
        Assert.NotNull(file.Reference);
    }
}
