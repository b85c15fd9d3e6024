namespace DroneLiquid.Service.Tests.Fakes;

/// <summary>A temporary folder that deletes itself.</summary>
internal sealed class FakeFolder : IDisposable
{
    public FakeFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "droneliquid-service-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
