using DroneLiquid.Liquid.Reference;

namespace DroneLiquid.Liquid.Tests.Reference;

/// <summary>The ncps reference vectors copied next to the tests (csproj copies Reference/** to the output).</summary>
internal static class ReferenceFiles
{
    public static readonly string[] All =
    [
        "cfc_default.json", "cfc_pure.json", "cfc_no_gate.json", "wiredcfc_autoncp19.json",
        "ltc_fc8.json", "ltc_autoncp19.json", "cfc_default_long500.json",
    ];

    private static readonly Dictionary<string, ReferenceCase> Cache = [];
    private static readonly Lock Gate = new();

    public static TheoryData<string> Names => new(All);

    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Reference", file);

    /// <summary>Parsed once per test run; callers must not mutate the arrays.</summary>
    public static ReferenceCase Load(string file)
    {
        lock (Gate)
        {
            if (!Cache.TryGetValue(file, out var reference))
            {
                reference = ReferenceCase.Load(PathOf(file));
                Cache[file] = reference;
            }

            return reference;
        }
    }
}
