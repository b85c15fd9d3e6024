namespace DroneLiquid.Liquid.Tests.Policies;

/// <summary>Paths of the committed fixtures and reference vectors, and scratch folders that clean up after themselves.</summary>
internal static class TestFiles
{
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Policies", "Fixtures", name);

    public static string Reference(string name) => Path.Combine(AppContext.BaseDirectory, "Reference", name);
}
