namespace DroneLiquid.Evaluation.Tests.Fakes;

/// <summary>Fresh temporary folders for tests, removed when the test process exits is not guaranteed: each name is unique.</summary>
internal static class TestFolders
{
    public static string Create()
    {
        string path = Path.Combine(Path.GetTempPath(), "droneliquid-eval-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
