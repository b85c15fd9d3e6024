using DroneLiquid.Flight.Policies;
using DroneLiquid.Liquid.Policies;

namespace DroneLiquid.Flight.Tests.Fakes;

/// <summary>Untrained policy folders written once per test run into the temp folder (random weights, real names).</summary>
internal static class FakePolicyFolders
{
    private static readonly Lazy<string> s_state = new(() => UntrainedPolicy.WriteState(NewDirectory("state")));
    private static readonly Lazy<string> s_vision = new(() => UntrainedPolicy.WriteVision(NewDirectory("vision"), 64, 48, 8));
    private static readonly Lazy<string> s_exploding = new(() => UntrainedPolicy.WriteState(
        NewDirectory("exploding"),
        actions: [.. UntrainedPolicy.Actions.Select((a, i) => i == 0 ? a with { Scale = 1e300 } : a)]));

    /// <summary>A state policy.</summary>
    public static string State => s_state.Value;

    /// <summary>A vision policy for 64x48 images with 8 features.</summary>
    public static string Vision => s_vision.Value;

    /// <summary>A state policy whose forward velocity decodes to infinity (scale 1e300): a broken network.</summary>
    public static string Exploding => s_exploding.Value;

    public static string NewDirectory(string name)
    {
        string dir = Path.Combine(Path.GetTempPath(), "droneliquid-flight-tests", $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>A copy of a policy folder (to change a file of it).</summary>
    public static string Copy(string source)
    {
        string dir = NewDirectory("copy");
        foreach (string file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        }

        return dir;
    }

    public static PolicyDocument Document(string folder) => PolicyFolder.Read(folder).Document;
}
