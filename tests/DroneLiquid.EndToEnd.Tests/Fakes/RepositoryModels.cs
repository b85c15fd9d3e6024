namespace DroneLiquid.EndToEnd.Tests.Fakes;

/// <summary>Finds the bundled policies (models/...) of the repository the tests were built from.</summary>
internal static class RepositoryModels
{
    /// <summary>The folder of models/<paramref name="name"/>, or null when the repository has none.</summary>
    public static string? Find(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DroneLiquid.sln")))
            {
                string folder = Path.Combine(dir.FullName, "models", name);
                return File.Exists(Path.Combine(folder, "policy.json")) ? folder : null;
            }
        }

        return null;
    }
}
